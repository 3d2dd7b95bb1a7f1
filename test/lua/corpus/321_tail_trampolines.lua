-- Long tail-call chains (past the point where compiled code hands them to a trampoline) that
-- call library functions, which call back functions with tail calls of their own.
local lt
local function cmp(a, b) return lt(a, b) end
function lt(a, b) return a > b end
local function sorter(n, t) if n == 0 then return table.sort(t, cmp) end return sorter(n - 1, t) end
local t = { 5, 3, 9, 1, 7, 2, 8 }
sorter(1000, t)
print(table.concat(t, " "))

-- pcall and select in tail position at the end of a long chain
local function deep(n, f, ...) if n == 0 then return f(...) end return deep(n - 1, f, ...) end
local function chain(n, acc) if n == 0 then return acc end return chain(n - 1, acc + 1) end
print(deep(5000, pcall, chain, 3000, 0))
print(deep(5000, select, "#", 1, nil, 3))
print(deep(5000, pcall, error, "stop", 0))
print(deep(5000, function(...) return select("#", ...), ... end))

-- a function the trampoline calls makes ordinary calls of functions with long chains
local function inner(n) if n == 0 then return "inner" end return inner(n - 1) end
local function outer(n, acc)
  if n == 0 then return acc end
  local s = inner(300)               -- a chain of its own, one level deeper
  return outer(n - 1, acc + #s)
end
print(outer(2000, 0))

-- errors inside chains run by trampolines, caught, and chains afterwards at the same depth
local function fail(n) if n == 0 then error({ code = n }) end return fail(n - 1) end
for _ = 1, 3 do
  local ok, e = pcall(fail, 1000)
  print(ok, type(e), e.code, chain(1000, 0))
end
local function failsLater(n) if n == 0 then return nil + 1 end return failsLater(n - 1) end
print(pcall(failsLater, 700))
print(select(2, pcall(deep, 900, failsLater, 900)) ~= nil, chain(900, 1))

-- gsub and string.rep callbacks with tail calls, run from the end of a chain
local function upper(s) return string.upper(s) end
local function viaGsub(n, s) if n == 0 then return (s:gsub("%a+", upper)) end return viaGsub(n - 1, s) end
print(viaGsub(800, "tail calls all the way"))

-- coroutines whose functions tail-call through long chains
local co = coroutine.wrap(function(n)
  local function step(k) if k == 0 then return coroutine.yield("mid") end return step(k - 1) end
  local v = step(n)
  return chain(500, #v)
end)
print(co(600))
print(co("resumed"))

-- metamethods with tail calls, called from a chain
local mt = { __index = function(_, k) return chain(400, #k) end,
             __add = function(a, b) return deep(400, function(x, y) return x.v + y.v end, a, b) end }
local a = setmetatable({ v = 1 }, mt)
local b = setmetatable({ v = 2 }, mt)
print(a.missing, deep(600, function() return a + b end))
