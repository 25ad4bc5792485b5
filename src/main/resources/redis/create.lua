-- Creates a workshop's log: sets its epoch and appends seq 1 (workshop.created), with its tokens.
-- Every key is in the workshop's hash slot; the join code is claimed before, with SET NX.
-- KEYS[1] seq, KEYS[2] stream, KEYS[3] epoch, KEYS[4] set of token keys, KEYS[5..] token keys
-- ARGV[1] epoch, ARGV[2] event body without its leading '{"seq":1,', ARGV[3] seconds the workshop lives if
-- nobody starts it (0: for ever), ARGV[4..] token values
-- Returns 'ok', or 'exists' when the id is taken.
if redis.call('EXISTS', KEYS[1]) == 1 then return 'exists' end
redis.call('SET', KEYS[3], ARGV[1])
redis.call('SET', KEYS[1], 1)
redis.call('XADD', KEYS[2], '1-1', 'r', '{"seq":1,' .. ARGV[2])
for k = 5, #KEYS do
  redis.call('SET', KEYS[k], ARGV[k - 1])
  redis.call('SADD', KEYS[4], KEYS[k])
end
local lifetime = tonumber(ARGV[3])
if lifetime > 0 then
  for k = 1, #KEYS do redis.call('EXPIRE', KEYS[k], lifetime) end
end
return 'ok'
