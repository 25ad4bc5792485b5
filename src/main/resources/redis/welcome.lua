-- Resolves a token for a welcome and notes, the first time only, the log's seq at that moment: a resume
-- never reaches back before it, so a token cannot replay what happened before its holder came.
-- KEYS[1] the token key, KEYS[2] the workshop's seq counter.
-- Returns the stored grant 'participantId|ROLE|firstSeq', or nil for an unknown token.
local grant = redis.call('GET', KEYS[1])
if not grant then return false end
local bar = string.find(grant, '|', 1, true)
if not string.find(grant, '|', bar + 1, true) then
  grant = grant .. '|' .. (redis.call('GET', KEYS[2]) or '0')
  redis.call('SET', KEYS[1], grant, 'KEEPTTL')
end
return grant
