-- Reads stored events with their texts joined back in (see append.lua): a withdrawn or hidden
-- contribution's words are not in the texts hash, so a reader gets "(removed)" in their place.
-- KEYS[1] event stream, KEYS[2] texts hash; ARGV[1] first seq, ARGV[2] last seq, ARGV[3] at most this many.
local out = {}
for _, entry in ipairs(redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[2], 'COUNT', ARGV[3])) do
  out[#out + 1] = joined(entry[2][2], KEYS[2])
end
return out
