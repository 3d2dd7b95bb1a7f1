-- The server group's fixture routes on nginx + lua-nginx-module (OpenResty style): the
-- handlers are the fixture's own (fixtures/http/<app>/app.lua, loaded with a small `rover`
-- shim on the ngx API), their results written as JSON by a writer per route that knows the
-- keys' order, answering the same status, headers and body bytes as the Rover routes
-- (bench/server.ts checks them first). The config (bench/http/nginx.ts) adds the constant
-- security headers with add_header and sets default_type; this module adds the request id
-- and the body with its length.
--
-- cjson is not used: it writes a table's keys in hash order, escapes '/' and writes numbers
-- as %.14g, so it cannot give roverc's bytes.
local ffi = require "ffi"
local buffer = require "string.buffer"

local format, byte, gsub, find, floor = string.format, string.byte, string.gsub, string.find, math.floor
local band, bor = bit.band, bit.bor
local header, get_uri_args, print = ngx.header, ngx.req.get_uri_args, ngx.print

local M = {}

-- x-request-id: a random (v4) UUID per request, as Node's crypto.randomUUID makes it:
-- OpenSSL's RAND_bytes (nginx links libcrypto) drawn 128 ids at a time. The pool is filled
-- on first use, so in the worker process, never shared with the master.
ffi.cdef [[int RAND_bytes(unsigned char *buf, int num);]]
local POOL = 16 * 128
local pool = ffi.new("unsigned char[?]", POOL)
local used = POOL
local HEX = {}
for i = 0, 255 do HEX[i] = format("%02x", i) end

local function uuid()
  if used == POOL then
    if ffi.C.RAND_bytes(pool, POOL) ~= 1 then error("RAND_bytes failed") end
    used = 0
  end
  local b = pool + used
  used = used + 16
  return HEX[b[0]] .. HEX[b[1]] .. HEX[b[2]] .. HEX[b[3]] .. "-" .. HEX[b[4]] .. HEX[b[5]] .. "-"
    .. HEX[bor(band(b[6], 0x0f), 0x40)] .. HEX[b[7]] .. "-" .. HEX[bor(band(b[8], 0x3f), 0x80)] .. HEX[b[9]] .. "-"
    .. HEX[b[10]] .. HEX[b[11]] .. HEX[b[12]] .. HEX[b[13]] .. HEX[b[14]] .. HEX[b[15]]
end

-- JSON strings as roverc writes them (JSON.stringify's rules for a byte string): quotes,
-- backslashes and control bytes escaped, bytes 0x80-0xff, DEL and '/' as they are.
local ESCAPES = { ['"'] = '\\"', ['\\'] = '\\\\', ['\b'] = '\\b', ['\f'] = '\\f', ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }
for c = 0, 31 do
  local ch = string.char(c)
  if ESCAPES[ch] == nil then ESCAPES[ch] = format("\\u%04x", c) end
end


-- JSON numbers as roverc writes them (JavaScript's Number to string: the shortest digits that
-- read back as the same double; exponent only below 1e-6 and from 1e21; NaN and infinities
-- null). cjson writes %.14g, which loses digits and puts exponents elsewhere.
local function js_layout(x)
  local digits, exp
  -- the fewest digits that read back (a denormal may need far fewer than 15)
  for p = 1, 17 do
    local s = format("%." .. (p - 1) .. "e", x)
    if p == 17 or tonumber(s) == x then
      local sign, m1, mrest, e = s:match("^(-?)(%d)%.?(%d*)e([-+]%d+)$")
      digits = (m1 .. mrest):gsub("0+$", "")
      if digits == "" then digits = "0" end
      exp = tonumber(e)
      digits = sign .. digits
      break
    end
  end
  local sign = ""
  if byte(digits, 1) == 45 then sign, digits = "-", digits:sub(2) end
  local k, n = #digits, exp + 1 -- JS: digits d1..dk, value 0.d1..dk * 10^n
  if k <= n and n <= 21 then return sign .. digits .. string.rep("0", n - k) end
  if 0 < n and n <= 21 then return sign .. digits:sub(1, n) .. "." .. digits:sub(n + 1) end
  if -6 < n and n <= 0 then return sign .. "0." .. string.rep("0", -n) .. digits end
  local e = n - 1
  local es = e < 0 and ("e-" .. -e) or ("e+" .. e)
  if k == 1 then return sign .. digits .. es end
  return sign .. digits:sub(1, 1) .. "." .. digits:sub(2) .. es
end

local function num(x)
  if x ~= x or x - x ~= 0 then return "null" end
  -- integers print every digit below 2^53; most fractions print like %.15g (proven shortest
  -- when it reads back the same and has no exponent)
  if floor(x) == x and x > -9007199254740992 and x < 9007199254740992 then return format("%d", x) end
  local s = format("%.15g", x)
  if tonumber(s) == x and not find(s, "e", 1, true) then return s end
  return js_layout(x)
end


-- The response is written into one LuaJIT string buffer (no string per piece).
local out = buffer.new(16384)

-- The scan is a byte loop, which LuaJIT compiles into the caller's trace (a pattern find is
-- a C call that leaves the trace: the list route cost 1.8x).
local function put_str(b, s)
  for i = 1, #s do
    local c = byte(s, i)
    if c < 32 or c == 34 or c == 92 then
      s = gsub(s, '[%z\1-\31"\\]', ESCAPES)
      break
    end
  end
  b:put('"', s, '"')
end

local function put_num(b, x)
  -- the buffer writes a number as %.14g: exactly JavaScript's digits for integers below 1e14
  if floor(x) == x and x > -1e14 and x < 1e14 and x ~= 0 then b:put(x) else b:put(num(x)) end
end

local function put_scalar(b, v)
  local t = type(v)
  if t == "string" then put_str(b, v)
  elseif t == "number" then put_num(b, v)
  elseif t == "boolean" then b:put(v and "true" or "false")
  else error("not a JSON scalar: " .. t) end
end

-- An object of scalars with its keys in the given order (a nil value is left out, as roverc
-- leaves it out; no key at all is {}, roverc's empty table).
local function flat_writer(keys)
  local quoted = {}
  for i, k in ipairs(keys) do quoted[i] = '"' .. k .. '":' end
  return function(b, v)
    local sep = "{"
    for i = 1, #keys do
      local x = v[keys[i]]
      if x ~= nil then
        b:put(sep, quoted[i])
        put_scalar(b, x)
        sep = ","
      end
    end
    b:put(sep == "{" and "{}" or "}")
  end
end

-- fixtures/http/list: { count = n, items = { { id, name, price, in_stock, tags = { ... } }, ... } }
local function put_strings(b, a)
  if #a == 0 then
    b:put("{}")
  else
    for j = 1, #a do
      b:put(j == 1 and "[" or ",")
      put_str(b, a[j])
    end
    b:put("]")
  end
end

local function write_items(b, v)
  local items = v.items
  b:put('{"count":')
  put_num(b, v.count)
  b:put(',"items":')
  if #items == 0 then
    b:put("{}}")
    return
  end
  for i = 1, #items do
    local it = items[i]
    b:put(i == 1 and '[{"id":' or ',{"id":')
    put_num(b, it.id)
    b:put(',"name":')
    put_str(b, it.name)
    b:put(',"price":')
    put_num(b, it.price)
    b:put(it.in_stock and ',"in_stock":true,"tags":' or ',"in_stock":false,"tags":')
    put_strings(b, it.tags)
    b:put("}")
  end
  b:put("]}")
end

-- The writer of each route's result, keys in the order roverc writes them.
local WRITERS = {
  ["GET /hello"] = flat_writer { "message" },
  ["GET /users/:id"] = flat_writer { "static", "id" },
  ["GET /echo"] = flat_writer { "a", "b" },
  ["GET /items"] = write_items,
}

-- One query value as ctx:query() gives it: a repeated key keeps its last value, a key with
-- no '=' is "" (ngx gives a list and true). Bad escapes, a 400 in roverc, are not checked.
local function query_value(v)
  if type(v) == "table" then v = v[#v] end
  if v == true then return "" end
  return v
end

-- The request context the fixtures' handlers read: ctx:params(), ctx:query() (read once).
local Ctx = {}
Ctx.__index = Ctx
function Ctx:params() return self.p end
function Ctx:query()
  local q = self.q
  if q == nil then
    q = {}
    for k, v in pairs(get_uri_args()) do q[k] = query_value(v) end
    self.q = q
  end
  return q
end

-- The `rover` the fixtures call: rover.server{} is a tree of route tables that grows on
-- `api.items.get = ...`; api.json(t) marks t as a JSON response, which here it is anyway.
local function node()
  return setmetatable({}, { __index = function(t, k)
    local child = node()
    rawset(t, k, child)
    return child
  end })
end
local rover = { server = function()
  local api = node()
  rawset(api, "json", function(t) return t end)
  return api
end }

-- A route's result as the JSON body roverc writes for it.
function M.body(route, value)
  out:reset()
  WRITERS[route](out, value)
  return out:tostring()
end

-- A fixture app's benchmarked routes: routes["GET /users/:id"](params) runs the handler and
-- returns the body (params: the route's parameters; the query is read from ngx).
function M.handlers(file)
  local chunk = assert(loadfile(file))
  setfenv(chunk, setmetatable({ rover = rover }, { __index = _G }))
  local api = chunk()
  local routes = {}
  for route, writer in pairs(WRITERS) do
    -- "GET /users/:id" -> api.users.p_id.get, found without growing the tree
    local method, path = route:match("^(%u+) (.*)$")
    local t = api
    for seg in path:gmatch("[^/]+") do
      t = t and rawget(t, (seg:gsub("^:", "p_")))
    end
    local handler = t and rawget(t, method:lower())
    if handler then
      routes[route] = function(params)
        out:reset()
        writer(out, handler(setmetatable({ p = params }, Ctx)))
        return out:tostring()
      end
    end
  end
  return routes
end

-- The same routes answering the request, for the config's locations.
function M.load_app(file)
  local routes = {}
  for route, body_of in pairs(M.handlers(file)) do
    routes[route] = function(params)
      local body = body_of(params)
      header["x-request-id"] = uuid()
      header["Content-Length"] = #body
      print(body)
    end
  end
  return routes
end

return M
