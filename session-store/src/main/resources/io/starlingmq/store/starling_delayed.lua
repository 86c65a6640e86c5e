#!lua name=starling_delayed

-- Delayed messages, shared by every router. All keys carry the hash tag {delayed} (one cluster slot):
-- 1 schedule (sorted set: id by due time in epoch ms; a claimed id by the end of its claim),
-- 2 messages (hash: id -> encoded message), 3 sequence (counter the ids come from).
-- Ids are zero-padded sequence numbers, so ids with equal scores sort in scheduling order.

-- args: max pending, then (due ms, encoded message) pairs. Answers 1 (kept) or 0 (full) per message.
local function schedule(keys, args)
  local max = tonumber(args[1])
  local count = redis.call('HLEN', keys[2])
  local kept = {}
  for i = 2, #args, 2 do
    if count < max then
      local id = string.format('%020d', redis.call('INCR', keys[3]))
      redis.call('HSET', keys[2], id, args[i + 1])
      redis.call('ZADD', keys[1], args[i], id)
      count = count + 1
      kept[#kept + 1] = 1
    else
      kept[#kept + 1] = 0
    end
  end
  return kept
end

-- args: now ms, limit, claim ms. Claims the due ids (earliest first) by moving them to the end of the
-- claim: nobody else sees them due before then. Answers id, message pairs.
local function claim(keys, args)
  local now = tonumber(args[1])
  local ids = redis.call('ZRANGEBYSCORE', keys[1], '-inf', now, 'LIMIT', 0, tonumber(args[2]))
  local claimed = {}
  for _, id in ipairs(ids) do
    local message = redis.call('HGET', keys[2], id)
    if message then
      redis.call('ZADD', keys[1], now + tonumber(args[3]), id)
      claimed[#claimed + 1] = id
      claimed[#claimed + 1] = message
    else
      redis.call('ZREM', keys[1], id)
    end
  end
  return claimed
end

-- args: ids of published messages.
local function remove(keys, args)
  for _, id in ipairs(args) do
    redis.call('ZREM', keys[1], id)
    redis.call('HDEL', keys[2], id)
  end
  return #args
end

-- args: offset, limit. Answers id, due ms, message triples in due order (a rank range: a deep page costs
-- what the first does).
local function page(keys, args)
  local first = tonumber(args[1])
  local ids = redis.call('ZRANGE', keys[1], first, first + tonumber(args[2]) - 1, 'WITHSCORES')
  local found = {}
  for i = 1, #ids, 2 do
    local message = redis.call('HGET', keys[2], ids[i])
    if message then
      found[#found + 1] = ids[i]
      found[#found + 1] = ids[i + 1]
      found[#found + 1] = message
    end
  end
  return found
end

-- args: id. Answers due ms and message, or an empty array.
local function get(keys, args)
  local message = redis.call('HGET', keys[2], args[1])
  local due = redis.call('ZSCORE', keys[1], args[1])
  if not message or not due then
    return {}
  end
  return { due, message }
end

redis.register_function('starling_delayed_schedule', schedule)
redis.register_function('starling_delayed_page', page)
redis.register_function('starling_delayed_get', get)
redis.register_function('starling_delayed_claim', claim)
redis.register_function('starling_delayed_remove', remove)
