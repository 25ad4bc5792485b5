-- One step of deleting every key of a workshop: a SCAN from the cursor, deleting what matches.
-- Run as a script that names a key of the workshop, it runs on the node that holds the workshop's slot,
-- alike on one Redis and on a Cluster (where a SCAN sent on its own goes to any node, and each step of
-- it perhaps to another).
-- KEYS[1] a key of the workshop (it only chooses the node); ARGV[1] the cursor ('0' to begin),
-- ARGV[2] the MATCH pattern of the workshop's keys, ARGV[3] the SCAN COUNT.
-- Returns the next cursor: '0' when the scan is done.
local found = redis.call('SCAN', ARGV[1], 'MATCH', ARGV[2], 'COUNT', ARGV[3])
local names = found[2]
-- In slices, so that a step that finds many keys stays within Lua's limit on unpacked values.
for i = 1, #names, 500 do
  redis.call('DEL', unpack(names, i, math.min(i + 499, #names)))
end
return found[1]
