-- Base library edges found by the library sweep (issue 14).
local function count(...) return select('#', ...), ... end

-- tostring tail-calls __tostring: all of its results, unchecked, none when it returns none
local two = setmetatable({}, {__tostring = function() return 'a', 'b' end})
local none = setmetatable({}, {__tostring = function() end})
local num = setmetatable({}, {__tostring = function() return 42 end})
print(count(tostring(two)))
print(count(tostring(none)))
print(count(tostring(num)), math.type and 'x' or type(tostring(num)))
print(two, num)

-- print checks what tostring gave it, with luajit's message
local bad = setmetatable({}, {__tostring = function() return nil end})
print(pcall(print, bad))
print(pcall(print, 'ok', setmetatable({}, {__tostring = function() return true end})))

-- select('#...') reads only the first character
print(select('#', 1, 2), select('#x', 1, 2, 3), select('##', nil))
print(pcall(select, 'x#', 1))

-- rawset needs a value argument (nil counts)
print(pcall(rawset, {}, 1))
local t = {}
print(rawset(t, 1, nil) == t, rawset(t, 'k', 'v') == t, t.k)

-- collectgarbage('isrunning') follows stop/restart
print(collectgarbage('isrunning'))
collectgarbage('stop')
print(collectgarbage('isrunning'))
collectgarbage('restart')
print(collectgarbage('isrunning'))
print(pcall(collectgarbage, 'generational'))

-- getfenv/setfenv with a negative level
print(pcall(getfenv, -1))
print(pcall(setfenv, -1, {}))

-- print writes what came before a failing __tostring
print(pcall(print, 1, 'two', setmetatable({}, {__tostring = function() error('boom', 0) end})))
