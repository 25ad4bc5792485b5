-- Appends a command's events to a workshop's log, all or nothing.
-- KEYS[1] seq counter, KEYS[2] event stream, KEYS[3] the command's ref key, KEYS[4] epoch,
-- KEYS[5] presence hash, KEYS[6] set of token keys, KEYS[7] texts hash, KEYS[8] hidden-texts hash,
-- KEYS[9..] token keys to create
-- ARGV[1] the seq the deciding node saw, ARGV[2] pub/sub channel, ARGV[3] ack result JSON,
-- ARGV[4] ref TTL seconds, ARGV[5] lifetime seconds (> 0: every key of the workshop is set to expire that
-- long after; the append that ends a workshop passes its retention, a running one now and then its idle
-- lifetime), ARGV[6] n = number of events, then four values per event: its stored body (JSON without the
-- leading '{"seq":N,'), a text operation ('', 'set', 'hidden', 'hide' or 'erase'), the contribution id and,
-- for 'set' and 'hidden', the text as a JSON string literal; then one value per token key.
--
-- Texts live apart from the log: a stored contribution carries "text":{"$t":"<id>"} and its words are in the
-- texts hash, so withdrawing (erase), hiding (moved to the facilitator-only hidden hash) or editing (set
-- replaces them) leaves no words in the log for a later reader. Publishing and reading join them back in.
--
-- Returns {'ok', lastSeq} | {'stale', currentSeq, missed} | {'dup', storedAnswer} | {'gone', 0}, where missed
-- holds the stored events after the caller's seq (at most 64): it decides again without another round trip,
-- so a node that lost the race is not a round trip behind the winner on its next try as well.
local answered = redis.call('GET', KEYS[3])
if answered then return {'dup', answered} end
-- A purged (or expired) workshop has no epoch: nothing may bring any of its keys back.
if redis.call('EXISTS', KEYS[4]) == 0 then return {'gone', 0} end
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local expected = tonumber(ARGV[1])
if current ~= expected then
  local missed = {}
  if current > expected then
    for _, entry in ipairs(redis.call('XRANGE', KEYS[2], tostring(expected + 1), '+', 'COUNT', 64)) do
      missed[#missed + 1] = joined(entry[2][2], KEYS[7])
    end
  end
  return {'stale', current, missed}
end
local n = tonumber(ARGV[6])
local seq = current
for i = 1, n do
  local at = 6 + (i - 1) * 4
  local op, id = ARGV[at + 2], ARGV[at + 3]
  if op == 'set' then
    redis.call('HSET', KEYS[7], id, ARGV[at + 4])
    redis.call('HDEL', KEYS[8], id)
  elseif op == 'hidden' then
    redis.call('HSET', KEYS[8], id, ARGV[at + 4])
    redis.call('HDEL', KEYS[7], id)
  elseif op == 'hide' then
    local text = redis.call('HGET', KEYS[7], id)
    if text then redis.call('HSET', KEYS[8], id, text) end
    redis.call('HDEL', KEYS[7], id)
  elseif op == 'erase' then
    redis.call('HDEL', KEYS[7], id)
    redis.call('HDEL', KEYS[8], id)
  end
  seq = seq + 1
  local record = '{"seq":' .. seq .. ',' .. ARGV[at + 1]
  redis.call('XADD', KEYS[2], seq .. '-1', 'r', record)
  redis.call('PUBLISH', ARGV[2], joined(record, KEYS[7]))
end
-- KEEPTTL: an author may still withdraw after the end; that must not undo the retention expiry.
redis.call('SET', KEYS[1], seq, 'KEEPTTL')
redis.call('SET', KEYS[3], seq .. '|' .. ARGV[3], 'EX', ARGV[4])
local firstValue = 6 + n * 4
for k = 9, #KEYS do
  redis.call('SET', KEYS[k], ARGV[firstValue + (k - 8)])
  redis.call('SADD', KEYS[6], KEYS[k])
end
local lifetime = tonumber(ARGV[5])
if lifetime > 0 then
  for k = 1, 8 do
    if k ~= 3 then redis.call('EXPIRE', KEYS[k], lifetime) end
  end
  for _, token in ipairs(redis.call('SMEMBERS', KEYS[6])) do
    redis.call('EXPIRE', token, lifetime)
  end
else
  -- A workshop with an expiry (never started yet, or ended): keys made just now expire with it.
  local left = redis.call('PTTL', KEYS[4])
  if left > 0 then
    for _, k in ipairs({KEYS[6], KEYS[7], KEYS[8]}) do
      if redis.call('PTTL', k) == -1 then redis.call('PEXPIRE', k, left) end
    end
    for k = 9, #KEYS do redis.call('PEXPIRE', KEYS[k], left) end
  end
end
return {'ok', seq}
