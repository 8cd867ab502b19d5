package dev.faultline.plugin.local.proxy;

/** An error the admin API answers with, exactly as Toxiproxy words and codes it. */
final class ApiError extends Exception {
    private final int status;

    ApiError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiError proxyNotFound() {
        return new ApiError(404, "proxy not found");
    }

    static ApiError toxicNotFound() {
        return new ApiError(404, "toxic not found");
    }

    static ApiError badBody(String detail) {
        return new ApiError(400, detail.isEmpty() ? "bad request body" : "bad request body: " + detail);
    }
}
