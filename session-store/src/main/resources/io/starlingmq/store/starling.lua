#!lua name=starling

-- One atomic step per session. Every session function takes the same six keys, all with the
-- session's hash tag: 1 session hash, 2 subscriptions hash, 3 queue list, 4 inflight list,
-- 5 released set (inflight QoS 2 packet ids whose PUBREC was recorded: "PUBREL sent"),
-- 6 received list (inbound QoS 2 packet ids routed and awaiting PUBREL, oldest first).
-- Session hash fields: gw, conn (present while online), persistent, window, next_pid,
-- expires_at (epoch ms while offline, -1 for never). Inflight entries are a 2-byte packet id
-- followed by the encoded message, in the order the ids were assigned. Messages are opaque here except
-- for two facts encoding version 2 puts after the version byte: the expiry deadline in bytes 2-9
-- (big-endian epoch ms, 0 = never) and, in byte 10, 1 when it was queued through a shared subscription.

local MAX_PACKET_ID = 65535

local function pid_of(entry)
  return string.byte(entry, 1) * 256 + string.byte(entry, 2)
end

local function with_pid(pid, message)
  return string.char(math.floor(pid / 256), pid % 256) .. message
end

local function next_pid(pid)
  return pid % MAX_PACKET_ID + 1
end

local MESSAGE_VERSION_WITH_DEADLINE = 2

-- Whether a queued message's expiry deadline has passed (older encodings carry none).
local function message_expired(message, now)
  if string.byte(message, 1) ~= MESSAGE_VERSION_WITH_DEADLINE then
    return false
  end
  local deadline = 0
  for i = 2, 9 do
    deadline = deadline * 256 + string.byte(message, i)
  end
  return deadline ~= 0 and now > deadline
end

local function expired(session, now)
  if redis.call('HEXISTS', session, 'gw') == 1 then
    return false
  end
  local at = tonumber(redis.call('HGET', session, 'expires_at') or '-1')
  return at >= 0 and at <= now
end

local function held_by(session, gw, conn)
  local holder = redis.call('HMGET', session, 'gw', 'conn')
  return holder[1] == gw and holder[2] == conn
end

local function through_shared_subscription(message)
  return string.byte(message, 1) == MESSAGE_VERSION_WITH_DEADLINE and string.byte(message, 10) == 1
end

-- The session's queued and inflight messages that came through a shared subscription, inflight first:
-- when the session ends they go to other members of their groups.
local function shared_entries(keys)
  local shared = {}
  for _, entry in ipairs(redis.call('LRANGE', keys[4], 0, -1)) do
    local message = string.sub(entry, 3)
    if through_shared_subscription(message) then
      shared[#shared + 1] = message
    end
  end
  for _, message in ipairs(redis.call('LRANGE', keys[3], 0, -1)) do
    if through_shared_subscription(message) then
      shared[#shared + 1] = message
    end
  end
  return shared
end

-- Deletes the whole session; answers its subscription filters and its shared-subscription messages.
local function wipe(keys)
  local filters = redis.call('HKEYS', keys[2])
  local shared = shared_entries(keys)
  redis.call('DEL', keys[1], keys[2], keys[3], keys[4], keys[5], keys[6])
  return filters, shared
end

-- Moves queued messages into the free part of the window with packet ids not in use,
-- appending {pid, message, 0, 0} to out. Expired messages met on the way are dropped; answers how many.
local function release(keys, out, now)
  local inflight = redis.call('LRANGE', keys[4], 0, -1)
  local free = tonumber(redis.call('HGET', keys[1], 'window')) - #inflight
  if free <= 0 or redis.call('LLEN', keys[3]) == 0 then
    return 0
  end
  local expired_count = 0
  local used = {}
  for _, entry in ipairs(inflight) do
    used[pid_of(entry)] = true
  end
  local pid = tonumber(redis.call('HGET', keys[1], 'next_pid') or '1')
  while free > 0 do
    local message = redis.call('LPOP', keys[3])
    if not message then
      break
    end
    if message_expired(message, now) then
      expired_count = expired_count + 1
    else
      while used[pid] do
        pid = next_pid(pid)
      end
      used[pid] = true
      redis.call('RPUSH', keys[4], with_pid(pid, message))
      out[#out + 1] = { pid, message, 0, 0 }
      pid = next_pid(pid)
      free = free - 1
    end
  end
  redis.call('HSET', keys[1], 'next_pid', pid)
  return expired_count
end

-- What listings show of a session, kept in its hash: the last CONNECT's facts and the session's times.
local CLIENT_FIELDS = { 'user', 'peer', 'proto', 'keepalive', 'clean', 'expiry', 'created_at', 'connected_at' }

-- ARGV: gw, conn, clean ('1'/'0'), persistent ('1'/'0'), window, now, user, peer, proto, keepalive, expiry
-- -> {previous gw or '', previous conn, session present, removed filters, deliveries, expired dropped,
--     shared-subscription messages of a discarded session, the session's created_at}
local function open(keys, args)
  local gw, conn, clean, now = args[1], args[2], args[3] == '1', tonumber(args[6])
  local previous_gw, previous_conn = '', '0'
  local removed = {}
  local orphaned = {}
  local present = false
  if redis.call('EXISTS', keys[1]) == 1 then
    local holder = redis.call('HMGET', keys[1], 'gw', 'conn')
    if holder[1] and not (holder[1] == gw and holder[2] == conn) then
      previous_gw, previous_conn = holder[1], holder[2]
    end
    if clean or expired(keys[1], now) then
      removed, orphaned = wipe(keys)
    else
      present = true
    end
  end
  redis.call('HSET', keys[1], 'gw', gw, 'conn', conn, 'persistent', args[4], 'window', args[5])
  redis.call('HDEL', keys[1], 'expires_at')
  if not present then
    redis.call('HSET', keys[1], 'created_at', args[6])
  end
  redis.call('HSET', keys[1], 'user', args[7], 'peer', args[8], 'proto', args[9], 'keepalive', args[10],
    'clean', args[3], 'expiry', args[11], 'connected_at', args[6])
  local created_at = redis.call('HGET', keys[1], 'created_at')
  local deliveries = {}
  local expired_count = 0
  if present then
    for _, entry in ipairs(redis.call('LRANGE', keys[4], 0, -1)) do
      local pid = pid_of(entry)
      deliveries[#deliveries + 1] = { pid, string.sub(entry, 3), 1, redis.call('SISMEMBER', keys[5], pid) }
    end
    expired_count = release(keys, deliveries, now)
  end
  return { previous_gw, previous_conn, present and 1 or 0, removed, deliveries, expired_count, orphaned, created_at }
end

-- ARGV: gw, conn, end ('1'/'0'), expires_at
-- -> {applied, ended, removed filters, shared-subscription messages, the CLIENT_FIELDS of a session kept}
local function close(keys, args)
  if not held_by(keys[1], args[1], args[2]) then
    return { 0, 0, {}, {}, {} }
  end
  if args[3] == '1' then
    local filters, orphaned = wipe(keys)
    return { 1, 1, filters, orphaned, {} }
  end
  redis.call('HDEL', keys[1], 'gw', 'conn')
  redis.call('HSET', keys[1], 'expires_at', args[4], 'persistent', '1')
  return { 1, 0, {}, {}, redis.call('HMGET', keys[1], unpack(CLIENT_FIELDS)) }
end

-- ARGV: filter, encoded subscription, ... -> per filter 1 if it existed before
local function subscribe(keys, args)
  if redis.call('EXISTS', keys[1]) == 0 then
    return redis.error_reply('NOSESSION no session for this client')
  end
  local existed = {}
  for i = 1, #args, 2 do
    existed[#existed + 1] = redis.call('HSET', keys[2], args[i], args[i + 1]) == 0 and 1 or 0
  end
  return existed
end

-- ARGV: filters -> per filter 1 if it existed
local function unsubscribe(keys, args)
  if redis.call('EXISTS', keys[1]) == 0 then
    return redis.error_reply('NOSESSION no session for this client')
  end
  local existed = {}
  for i = 1, #args do
    existed[#existed + 1] = redis.call('HDEL', keys[2], args[i])
  end
  return existed
end

-- ARGV: max queued + inflight, now, messages...
-- -> {0} when the session is gone, else {1, holder gw or '', holder conn, dropped, assigned, expired dropped}
local function enqueue(keys, args)
  local max_total, now = tonumber(args[1]), tonumber(args[2])
  if redis.call('EXISTS', keys[1]) == 0 or expired(keys[1], now) then
    return { 0 }
  end
  local holder = redis.call('HMGET', keys[1], 'gw', 'conn', 'persistent')
  local gw, conn = holder[1] or '', holder[2] or '0'
  if holder[3] ~= '1' then
    return { 1, gw, conn, #args - 2, {}, 0 }
  end
  local room = max_total - redis.call('LLEN', keys[3]) - redis.call('LLEN', keys[4])
  local dropped = 0
  for i = 3, #args do
    if room > 0 then
      redis.call('RPUSH', keys[3], args[i])
      room = room - 1
    else
      dropped = dropped + 1
    end
  end
  local assigned = {}
  local expired_count = 0
  if gw ~= '' then
    expired_count = release(keys, assigned, now)
  end
  return { 1, gw, conn, dropped, assigned, expired_count }
end

-- ARGV: gw, conn, now, packet ids... -> {0} for a stale holder, else {1, released, expired dropped}
local function ack(keys, args)
  if not held_by(keys[1], args[1], args[2]) then
    return { 0 }
  end
  local acked = {}
  for i = 4, #args do
    acked[tonumber(args[i])] = true
    redis.call('SREM', keys[5], args[i])
  end
  -- Entries are unique (their packet ids are), so removing each acked one by value keeps the rest in
  -- place instead of rewriting the whole window.
  for _, entry in ipairs(redis.call('LRANGE', keys[4], 0, -1)) do
    if acked[pid_of(entry)] then
      redis.call('LREM', keys[4], 1, entry)
    end
  end
  local released = {}
  local expired_count = release(keys, released, tonumber(args[3]))
  return { 1, released, expired_count }
end

-- ARGV: gw, conn, packet ids... -> {0} for a stale holder, else {1, ids now released}
local function mark_released(keys, args)
  if not held_by(keys[1], args[1], args[2]) then
    return { 0 }
  end
  local inflight = {}
  for _, entry in ipairs(redis.call('LRANGE', keys[4], 0, -1)) do
    inflight[pid_of(entry)] = true
  end
  local marked = {}
  for i = 3, #args do
    local pid = tonumber(args[i])
    if inflight[pid] then
      redis.call('SADD', keys[5], pid)
      marked[#marked + 1] = pid
    end
  end
  return { 1, marked }
end

-- ARGV: packet ids... -> the ones in the received list
local function received_already(keys, args)
  local already = {}
  if redis.call('EXISTS', keys[1]) == 0 then
    return already
  end
  for i = 1, #args do
    if redis.call('LPOS', keys[6], args[i]) then
      already[#already + 1] = tonumber(args[i])
    end
  end
  return already
end

-- ARGV: bound, packet ids... Appends each id (moving a present one to the end); the oldest go past the bound.
local function mark_received(keys, args)
  if redis.call('EXISTS', keys[1]) == 0 then
    return 0
  end
  for i = 2, #args do
    redis.call('LREM', keys[6], 0, args[i])
    redis.call('RPUSH', keys[6], args[i])
  end
  redis.call('LTRIM', keys[6], -tonumber(args[1]), -1)
  return 1
end

-- ARGV: gw, conn, packet id -> 1 if it was in the received list
local function forget_received(keys, args)
  if not held_by(keys[1], args[1], args[2]) then
    return 0
  end
  return redis.call('LREM', keys[6], 0, args[3]) > 0 and 1 or 0
end

-- ARGV: now -> {'expired', filters, shared-subscription messages} | {'online'} | {'later', expires_at} | {'absent'}
local function expire(keys, args)
  if redis.call('EXISTS', keys[1]) == 0 then
    return { 'absent' }
  end
  if redis.call('HEXISTS', keys[1], 'gw') == 1 then
    return { 'online' }
  end
  local at = redis.call('HGET', keys[1], 'expires_at') or '-1'
  if tonumber(at) < 0 or tonumber(at) > tonumber(args[1]) then
    return { 'later', at }
  end
  local filters, orphaned = wipe(keys)
  return { 'expired', filters, orphaned }
end

-- KEYS: the expiry index. ARGV: member, score. Removes the member only if its score is unchanged,
-- so an entry rewritten by a later close survives.
local function unschedule(keys, args)
  local score = redis.call('ZSCORE', keys[1], args[1])
  if score and tonumber(score) == tonumber(args[2]) then
    return redis.call('ZREM', keys[1], args[1])
  end
  return 0
end

-- KEYS: a global hash. ARGV: field, value. Removes the field only if it still holds this value (a retained
-- message found expired, a ban found lapsed), so one written since then survives.
local function drop_unchanged(keys, args)
  if redis.call('HGET', keys[1], args[1]) == args[2] then
    return redis.call('HDEL', keys[1], args[1])
  end
  return 0
end

-- Wills. KEYS: 1 the session's will hash: gw, conn (its connection), delay (s), msg (encoded),
-- due (epoch ms, present once the connection was lost and the will waits for its delay).

-- ARGV: gw, conn, delay, message ('' for none), clean start ('1'/'0') -> the previous connection's
-- will to publish now, else nil: any, on a clean start (the session ends); without one, that of a
-- taken-over live connection with no delay. Otherwise replacing a will cancels it.
local function put_will(keys, args)
  local old = redis.call('HMGET', keys[1], 'gw', 'conn', 'delay', 'msg', 'due')
  local answer = false
  local other = old[1] and not (old[1] == args[1] and old[2] == args[2])
  if other and (args[5] == '1' or (not old[5] and tonumber(old[3]) == 0)) then
    answer = old[4]
  end
  redis.call('DEL', keys[1])
  if args[4] ~= '' then
    redis.call('HSET', keys[1], 'gw', args[1], 'conn', args[2], 'delay', args[3], 'msg', args[4])
  end
  return answer
end

-- ARGV: gw, conn, send ('1'/'0'), session expiry (s), now
-- -> {0} nothing to publish | {1, message} publish now | {2, due} scheduled
local function end_will(keys, args)
  local will = redis.call('HMGET', keys[1], 'gw', 'conn', 'delay', 'msg', 'due')
  if not will[1] or will[5] or will[1] ~= args[1] or will[2] ~= args[2] then
    return { 0 }
  end
  local delay = math.min(tonumber(will[3]), tonumber(args[4]))
  if args[3] ~= '1' or delay == 0 then
    redis.call('DEL', keys[1])
    if args[3] == '1' then
      return { 1, will[4] }
    end
    return { 0 }
  end
  local due = string.format('%d', tonumber(args[5]) + delay * 1000)
  redis.call('HSET', keys[1], 'due', due)
  return { 2, due }
end

-- ARGV: now -> {0} no scheduled will | {1, due} not yet | {2, message} due: removed
local function will_due(keys, args)
  local will = redis.call('HMGET', keys[1], 'msg', 'due')
  if not will[2] then
    return { 0 }
  end
  if tonumber(will[2]) > tonumber(args[1]) then
    return { 1, will[2] }
  end
  redis.call('DEL', keys[1])
  return { 2, will[1] }
end

redis.register_function('starling_open', open)
redis.register_function('starling_close', close)
redis.register_function('starling_subscribe', subscribe)
redis.register_function('starling_unsubscribe', unsubscribe)
redis.register_function('starling_enqueue', enqueue)
redis.register_function('starling_ack', ack)
redis.register_function('starling_expire', expire)
redis.register_function('starling_mark_released', mark_released)
redis.register_function('starling_received_already', received_already)
redis.register_function('starling_mark_received', mark_received)
redis.register_function('starling_forget_received', forget_received)
redis.register_function('starling_unschedule', unschedule)
redis.register_function('starling_drop_unchanged', drop_unchanged)
redis.register_function('starling_put_will', put_will)
redis.register_function('starling_end_will', end_will)
redis.register_function('starling_will_due', will_due)
