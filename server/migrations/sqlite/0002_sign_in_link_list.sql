-- The clerk's list of sign-in links (docs/LINKS.md): which meeting a link was created for (NULL: created
-- outside any meeting, e.g. by the `sign-in-link` CLI) and when the clerk revoked it.
ALTER TABLE sign_in_link ADD COLUMN meeting_id TEXT;
ALTER TABLE sign_in_link ADD COLUMN revoked_at INTEGER;
CREATE INDEX sign_in_link_by_meeting ON sign_in_link (meeting_id, created_at);
