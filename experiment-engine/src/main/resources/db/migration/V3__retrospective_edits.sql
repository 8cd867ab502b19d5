-- The retrospective can be edited: a finding is closed (when, or NULL while it is open); findings,
-- lessons and action items can be changed and deleted (an action item's finding link is cleared by
-- the ON DELETE SET NULL of V2).
ALTER TABLE finding ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
