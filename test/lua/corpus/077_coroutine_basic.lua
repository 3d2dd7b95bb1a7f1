local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c = coroutine.yield(a + b)
  print("got", c)
  local d, e = coroutine.yield(c * 2)
  print("got", d, e)
  return "done", d + e
end)
print(type(co), coroutine.status(co))
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 3, 4))
print(coroutine.status(co))
print(coroutine.resume(co))
print(coroutine.resume(co, "again"))
-- yield with no values, resume with no values
local co2 = coroutine.create(function(...)
  print("args", select('#', ...))
  print("yield returned", select('#', coroutine.yield()))
  return
end)
print(coroutine.resume(co2))
print(coroutine.resume(co2))
print(coroutine.status(co2))
-- yield multiple values
local co3 = coroutine.create(function() coroutine.yield(1, 2, 3) coroutine.yield() coroutine.yield(nil) end)
print(coroutine.resume(co3))
print(coroutine.resume(co3))
print(coroutine.resume(co3))
print(select('#', coroutine.resume(co3)))
print(coroutine.resume(co3))
-- coroutine.running
print(coroutine.running() == nil)
local inside
local co4 = coroutine.create(function() inside = coroutine.running() return coroutine.status(inside) end)
print(coroutine.resume(co4))
print(inside == co4, coroutine.status(co4))
-- isyieldable
print(coroutine.isyieldable and coroutine.isyieldable())
local co5 = coroutine.create(function() return coroutine.isyieldable() end)
print(coroutine.isyieldable and coroutine.resume(co5))
-- yield outside a coroutine
print(pcall(coroutine.yield, 1))
