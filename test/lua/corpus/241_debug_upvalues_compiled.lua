-- upvalues of closures
local function make()
  local shared, own = 0, "own"
  local function incr() shared = shared + 1; return shared end
  local function get() return shared, own end
  return incr, get
end
local incr, get = make()
print(debug.getupvalue(incr, 1))
print(debug.getupvalue(get, 1), debug.getupvalue(get, 2))
print(debug.getupvalue(get, 3))
print(select("#", debug.getupvalue(get, 3)))
print(debug.setupvalue(incr, 1, 10))
print(get())
print(incr(), get())
print(debug.setupvalue(get, 2, "changed"), get())
print(debug.setupvalue(get, 5, 1))
-- upvalueid: same variable, same id; another call of make, other ids
local incr2, get2 = make()
print(debug.upvalueid(incr, 1) == debug.upvalueid(get, 1))
print(debug.upvalueid(incr, 1) == debug.upvalueid(get, 2))
print(debug.upvalueid(incr, 1) == debug.upvalueid(incr2, 1))
print(debug.upvalueid(incr2, 1) == debug.upvalueid(get2, 1))
print(type(debug.upvalueid(incr, 1)))
print(pcall(debug.upvalueid, incr, 2))
print(pcall(debug.upvalueid, incr, 0))
print(pcall(debug.getupvalue, 1, 1))
print(pcall(debug.getupvalue, incr))
-- closures made in a loop: one variable per iteration
local fns = {}
for i = 1, 3 do
  local v = i * 10
  fns[i] = function() return i, v end
end
print(debug.getupvalue(fns[1], 1), debug.getupvalue(fns[1], 2))
print(debug.getupvalue(fns[3], 1), debug.getupvalue(fns[3], 2))
print(debug.upvalueid(fns[1], 2) == debug.upvalueid(fns[2], 2))
debug.setupvalue(fns[2], 2, "twenty")
print(fns[1]())
print(fns[2]())
-- nested: an upvalue of an upvalue
local top = "top"
local function lvl1()
  local mid = "mid"
  return function() return top .. mid end
end
local f = lvl1()
print(debug.getupvalue(f, 1), debug.getupvalue(f, 2))
debug.setupvalue(f, 1, "TOP")
print(f(), top)
-- parameters as upvalues
local function adder(n) return function(x) return x + n end end
local add5 = adder(5)
print(debug.getupvalue(add5, 1))
debug.setupvalue(add5, 1, 100)
print(add5(1))
-- getinfo of a function
local gi = debug.getinfo(adder)
print(gi.linedefined, gi.lastlinedefined, gi.nups, gi.what, gi.short_src)
gi = debug.getinfo(add5, "u")
print(gi.nups, gi.nparams, gi.isvararg)
gi = debug.getinfo(make, "Su")
print(gi.linedefined, gi.lastlinedefined, gi.nparams)
local function vf(a, b, ...)
  local info = debug.getinfo(1, "Su")
  return info
end
gi = vf()
print(gi.linedefined, gi.lastlinedefined, gi.nparams, gi.isvararg, gi.nups)
