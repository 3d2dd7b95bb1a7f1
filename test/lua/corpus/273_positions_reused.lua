-- Frames keep one position per call or slow path; roverc does not store a position the frame
-- holds already (two calls with the same name on a line, a slow path of the same line between
-- them). What errors, tracebacks and debug.getinfo read of such frames must not change.
local function tb(s) return (s:gsub("0x%x+", "ADDR")) end

local function leaf(k)
  if k == 3 then error("leaf " .. k, 2) end
  return k
end

local function twice(k)
  return leaf(k) + leaf(k + 1)
end

print(pcall(twice, 1))
print(pcall(twice, 2))

-- a slow path between two calls on one line fails: the line is this one
local t = { y = {} }
local function between(k)
  return leaf(k) + t.y.z.w + leaf(k)
end
print(pcall(between, 1))

-- a metamethod between two calls on one line, then the second call raises
local mt = setmetatable({}, { __index = function(_, key) return #key end })
local function meta(k)
  return leaf(k) + mt.abc + leaf(k + 2)
end
print(pcall(meta, 1))

-- the traceback shows each frame at the call it is making
local function show(label)
  print(label, tb(debug.traceback("at", 1)))
  return 1
end
local function one() local r = show("one") return r end
local function two() local r = show("two") return r end
local function caller() return one() + two() + one() end
print(caller())

-- in a loop: the second call of the body raises on the third pass
local function loop()
  local sum = 0
  for i = 1, 5 do sum = sum + leaf(i - 1) + leaf(i) end
  return sum
end
print(pcall(loop))

-- getinfo of the caller while it makes the same call twice
local function where() local i = debug.getinfo(2, "lnS") return i.currentline .. " " .. tostring(i.name) end
local function asks() local a, b = where(), where() return a .. " | " .. b end
print(asks())

-- xpcall's handler sees the frames as luajit does
local function handler(m) return tb(debug.traceback(m, 2)) end
local function deep(k) return leaf(k) + leaf(k + 1) end
print(xpcall(deep, handler, 2))

-- uncaught at the end: the report's traceback
local function last(k) local x = leaf(k) return leaf(k) + leaf(k + 1) + x end
last(2)
