-- debug.getinfo(level, "n") names a call as luajit does: after the callee expression of the
-- calling instruction (global, local, upvalue, field, method, metamethod), nothing when the
-- callee was computed or the call was a tail call.
local function who()
  local i = debug.getinfo(2, "n")
  return tostring(i.name) .. "/" .. i.namewhat
end
local function probe() print(who()) end
local t = { f = probe, inner = { g = probe } }
function t:m() print(who()) end
gprobe = probe
local up = probe
local function viaUpvalue() up() end

probe()
gprobe()
t.f()
t["f"]()
t.inner.g()
t:m()
viaUpvalue()
local k = "f"
t[k]()
;(probe)()
local function ret() return probe end
ret()()
pcall(probe)
local s = setmetatable({}, { __index = function() print(who()) end, __add = function() print(who()) return 0 end })
local _ = s.x
_ = s + 1
for _ in function() print(who()) return nil end do end
local function tail() return probe() end
tail()
-- a bad argument is named the same way, without the mark
print(pcall(function() local rep = string.rep; local r = rep(); return r end))
print(pcall(function() local r = t.inner.g(nil) or string.rep(); return r end))
local function outer() local function viaUp() local r = up(); return r end return viaUp end
outer()()
