local Emitter = {}
Emitter.__index = Emitter
function Emitter.new() return setmetatable({handlers = {}}, Emitter) end
function Emitter:on(event, fn)
  local list = self.handlers[event]
  if not list then list = {} self.handlers[event] = list end
  list[#list + 1] = fn
  return function()
    for i, f in ipairs(list) do if f == fn then table.remove(list, i) return true end end
    return false
  end
end
function Emitter:once(event, fn)
  local off
  off = self:on(event, function(...) off() return fn(...) end)
  return off
end
function Emitter:emit(event, ...)
  local list = self.handlers[event]
  if not list then return 0 end
  local snapshot = {unpack(list)}
  for _, f in ipairs(snapshot) do f(...) end
  return #snapshot
end
local e = Emitter.new()
local log = {}
local off1 = e:on("data", function(x) log[#log + 1] = "h1:" .. x end)
e:on("data", function(x, y) log[#log + 1] = "h2:" .. x .. "," .. tostring(y) end)
e:once("data", function(x) log[#log + 1] = "once:" .. x end)
print(e:emit("data", "a", 1))
print(e:emit("data", "b"))
print(off1(), off1())
print(e:emit("data", "c", true))
print(e:emit("none"))
print(table.concat(log, " "))
-- handlers that error are isolated with pcall
local safe = Emitter.new()
local results = {}
safe:on("x", function() error("handler failed", 0) end)
safe:on("x", function() results[#results + 1] = "second ran" end)
local function safe_emit(em, ev, ...)
  local errs = {}
  for _, f in ipairs(em.handlers[ev] or {}) do
    local ok, err = pcall(f, ...)
    if not ok then errs[#errs + 1] = err end
  end
  return errs
end
local errs = safe_emit(safe, "x")
print(#errs, errs[1], results[1])
