-- Shared by the scripts that hand out stored events (prepended to them by Script.load): a stored
-- contribution carries "text":{"$t":"<id>"} in place of its words, which live in the texts hash; this puts
-- them back, or "(removed)" where they were withdrawn or hidden.
local function joined(record, texts)
  return (string.gsub(record, '"text":{"%$t":"([^"]+)"}', function(id)
    return '"text":' .. (redis.call('HGET', texts, id) or '"(removed)"')
  end))
end
