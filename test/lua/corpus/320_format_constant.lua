-- string.format with a constant format: compiled code calls the format's own function while
-- the callee is the library's and the values are of kinds it takes; every other case must
-- give what the library gives, errors and tracebacks included.
local function show(...) print(select('#', ...), ...) end

-- the kinds the fast path takes, and values that take the library instead
print(string.format("%s|%d|%5.2f|%x|%-4s|%05d", "a", 42, 3.14159, 255, 7, -3))
print(string.format("%s %s", 1e100, -0.0), string.format("%d %d", 3.7, -3.7))
print(string.format("%d|%s", "10", "x"))            -- a string for %d: coerced by the library
local mt = { __tostring = function(t) return "T<" .. t.n .. ">" end }
print(string.format("[%s] [%5s]", setmetatable({ n = 1 }, mt), setmetatable({ n = 2 }, mt)))
print(string.format("%s %s", true, nil))
print(string.format("%5.1s|%.3s|%-6s|", "abc", 12345, "xy"))
print(string.format("%g %e %a %G", 1e20, 0.5, 1, 1e-10))
print(string.format("no conversions"), string.format("%%"), pcall(string.format, "%5%"))
print(string.format("%c%c%q", 72, 105, "a\nb"))    -- conversions without a compiled form
print(string.format("%d", 2^63), string.format("%x", -1), string.format("%u", -1))
print(string.format("%5.1f|%-8.3e|%+d|% d", 1/0, -1/0, 5, 5), string.format("%f", 0/0) ~= nil)

-- a call as the last value: one result, several, none
local function one() return "one" end
local function two() return "two", "extra" end
local function none() end
print(string.format("%s-%s", "x", one()))
print(string.format("%s-%s", "x", two()))
print(pcall(string.format, "%s-%s", "x", none()))
print(pcall(function() return string.format("%s-%s", "x", none()) end))
print(select('#', string.format("%d", 1)))

-- as a tail call and in other positions
local function label(n) return string.format("item %d of %s", n, "list") end
print(label(3), #label(10))
local t = { string.format("%d", 1), string.format("%d", 2) }
print(#t, t[1], t[2])
show(string.format("%s", "last"))

-- errors: the same message and traceback as the library's
print(pcall(function() return string.format("%d", "x") end))
print(pcall(function() local s = string.format("%d|%s", nil, "a"); return s end))
print(pcall(function() return string.format("%s %s", "only one") end))
print(pcall(function() return string.format("%d", {}) end))
print(pcall(function() return string.format("%y", 1) end))

-- the callee is read at run time: a replaced string.format is called
local real = string.format
string.format = function(fmt, ...) return "replaced:" .. fmt .. ":" .. select('#', ...) end
print(string.format("%d %d", 1, 2))
string.format = real
print(string.format("%d %d", 1, 2))
local saved = string
string = { format = function() return "other table" end }
print(string.format("%d", 1))
string = saved
print(string.format("%d", 1))

-- loops (the compiled function runs hot)
local acc = 0
for i = 1, 2000 do acc = acc + #string.format("%d:%s:%.1f", i, i % 7 == 0 and "seven" or i, i / 3) end
print(acc)

-- an uncaught error in a format: the traceback names the caller's line
local function bad(v) return (string.format("<%d>", v)) end
print(bad(5))
bad("five")
