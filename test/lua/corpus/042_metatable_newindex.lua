local log = {}
local t = setmetatable({}, {__newindex = function(tab, k, v)
  log[#log + 1] = tostring(k) .. "=" .. tostring(v)
  rawset(tab, k, v)
end})
t.a = 1
t.b = 2
t.a = 3
print(table.concat(log, " "), t.a, t.b)
local store = {}
local proxy = setmetatable({}, {__newindex = store})
proxy.x = "stored"
print(rawget(proxy, "x"), store.x, proxy.x)
local ro = setmetatable({}, {__newindex = function(_, k) error("read-only: " .. k, 2) end, __index = {v = 1}})
print(ro.v)
print(pcall(function() ro.v = 2 end))
-- __newindex chain of tables
local inner = {}
local middle = setmetatable({}, {__newindex = inner})
local outer = setmetatable({}, {__newindex = middle})
outer.k = "v"
print(rawget(outer, "k"), rawget(middle, "k"), inner.k)
-- existing keys bypass __newindex
local existing = setmetatable({x = 1}, {__newindex = function() print("never") end})
existing.x = 2
print(existing.x)
-- assigning nil to an existing key, then assigning again triggers __newindex
existing.x = nil
local hits = 0
getmetatable(existing).__newindex = function(tab, k, v) hits = hits + 1 rawset(tab, k, v) end
existing.x = 3
print(existing.x, hits)
-- tracking table with both
local function tracked()
  local data = {}
  local reads, writes = 0, 0
  local p = setmetatable({}, {
    __index = function(_, k) reads = reads + 1 return data[k] end,
    __newindex = function(_, k, v) writes = writes + 1 data[k] = v end,
  })
  return p, function() return reads, writes end
end
local p, stats = tracked()
p.a = 1 p.b = 2 p.a = p.a + p.b
print(p.a, p.b, stats())
-- numeric keys
local arr = setmetatable({}, {__newindex = function(tab, k, v) rawset(tab, k, v * 2) end})
for i = 1, 3 do arr[i] = i end
print(arr[1], arr[2], arr[3], #arr)
