-- debug.getlocal/setlocal at levels 1-3
local function names(level)
  local out = {}
  local i = 1
  while true do
    local n, v = debug.getlocal(level + 1, i)
    if not n then break end
    out[#out + 1] = n .. "=" .. (type(v) == "function" and "fn" or type(v) == "table" and "tbl" or tostring(v))
    i = i + 1
  end
  return table.concat(out, " ")
end

local function inner(p)
  local q = p * 2
  local s1 = names(1)
  local s2 = names(2)
  local s3 = names(3)
  print("L1", s1)
  print("L2", s2)
  print("L3", s3)
  local n3, v3 = debug.getlocal(3, 1)
  print(n3, v3)
  return q
end
local function middle(m1, m2)
  local mid = m1 + m2
  return (inner(mid))
end
local function outer()
  local o = "outer"
  local r = middle(1, 2)
  return r
end
print(outer())

-- setlocal: the function sees the new value
local function change()
  local a, b = 1, 2
  print(debug.setlocal(1, 2, "two"))
  print(a, b)
  local function poke() print(debug.setlocal(2, 1, 100)) end
  poke()
  print(a, b)
  return a
end
print(change())

-- shadowing
local function shadow()
  local x = 1
  do
    local x = 2
    local s = names(1)
    print(s)
  end
  local s = names(1)
  print(s)
  local x = 3
  s = names(1)
  print(s)
  local n2 = debug.getlocal(1, 2)
  local n3 = debug.getlocal(1, 4)
  print(n2, n3)
end
shadow()

-- in a while loop and a repeat loop
local function loops()
  local n = 0
  while n < 3 do
    local sq = n * n
    local s = names(1)
    print(s)
    n = n + 1
  end
  repeat
    local z = n
    local s = names(1)
    print(s)
    debug.setlocal(1, 1, 10)
  until n >= 10
  print(n)
end
loops()

-- varargs
local function va(a, ...)
  print(debug.getlocal(1, -1))
  print(debug.getlocal(1, -2))
  print(debug.getlocal(1, -3))
  print(debug.setlocal(1, -2, "changed"))
  print(...)
  print(debug.setlocal(1, -5, "x"))
  print(debug.getlocal(1, 0))
end
va(1, "p", "q")
local function nova(a)
  print(debug.getlocal(1, -1))
end
nova(1)

-- parameters of functions
local function params(alpha, beta, gamma, ...) end
print(debug.getlocal(params, 1), debug.getlocal(params, 3), debug.getlocal(params, 4))
print(debug.getlocal(print, 1))
print(debug.getlocal(function() end, 1))

-- errors
print(pcall(debug.getlocal, 40, 1))
print(pcall(debug.setlocal, 40, 1, 1))
print(pcall(debug.getlocal, 1, "x"))
print(pcall(debug.getlocal, {}, 1))
print(pcall(debug.setlocal, 1, 1))
print(pcall(debug.getlocal, 1, 30))
print(select("#", debug.getlocal(1, 30)))
print(select("#", debug.setlocal(1, 30, 1)))

-- a closure's locals after it captured them
local function counter()
  local count = 0
  local function inc() count = count + 1; return count end
  inc()
  local s = names(1)
  print(s)
  debug.setlocal(1, 1, 41)
  print(inc())
end
counter()

-- code loaded at run time (interpreted) reads its caller's locals
local function host(h1)
  local h2 = h1 .. "!"
  local peek = loadstring("local n, v = debug.getlocal(2, 2) return n, v")
  local n, v = peek()
  print(n, v)
  local poke = loadstring("local r = debug.setlocal(2, 1, 'poked') return r")
  print(poke())
  print(h1)
end
host("hi")

-- goto loops with closures: each pass has its own local
local function gotos()
  local fns = {}
  local k = 0
  ::top::
  local pass = k
  fns[#fns + 1] = function() return pass end
  k = k + 1
  local s = names(1)
  print(s)
  if k < 3 then goto top end
  print(debug.getupvalue(fns[1], 1), debug.getupvalue(fns[3], 1))
  print(debug.upvalueid(fns[1], 1) == debug.upvalueid(fns[2], 1))
end
gotos()

-- locals of the main chunk, seen from a function
local function mainLocals()
  local s = names(2)
  return s
end
local ml = mainLocals()
print(ml)
