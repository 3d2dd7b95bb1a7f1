-- Iterators and library functions called past their end: "no value" vs "nil" (select('#')).
local function n(...) return select('#', ...) end
local function show(label, ...) print(label, n(...), ...) end

-- ipairs: the iterator returns nothing once exhausted, whatever the table holds
local f, s, c = ipairs({5, 6})
show('ipairs 0', f(s, 0))
show('ipairs 1', f(s, 1))
show('ipairs end', f(s, 2))
show('ipairs far', f(s, 100))
show('ipairs empty', f({}, 0))
show('ipairs neg', f({[0] = 'zero', 'one'}, -1))
show('ipairs frac', f({10, 20, 30}, 1.5))
show('ipairs str', f({10, 20}, '1'))
show('ipairs hole', f({1, nil, 3}, 1))
show('ipairs __index', f(setmetatable({}, {__index = function(_, k) return k end}), 0))
print(pcall(f, {1}))
print(pcall(f, nil, 0))
print(pcall(f, {1}, 'x'))
print(pcall(f, {1}, {}))
local r = {}
for i, v in ipairs({'a', 'b', nil, 'd'}) do r[#r + 1] = i .. v end
print(table.concat(r, ','))
-- a generic for stops on the first nil control value; the values after it do not matter
local count = 0
for _ in ipairs(setmetatable({1, 2}, {__index = function() return 'x' end})) do count = count + 1 end
print('ipairs raw count', count)

-- next / pairs: the end is one nil
show('next empty', next({}))
show('next end', next({1}, 1))
show('next hash end', next({a = 1}, 'a'))
local pf, ps = pairs({})
show('pairs end', pf(ps))
show('pairs fn is next', pf == next)

-- string.gmatch: nothing after the last match
local g = string.gmatch('a1b2', '%a(%d)')
show('gmatch 1', g())
show('gmatch 2', g())
show('gmatch end', g())
show('gmatch again', g())
local g2 = string.gmatch('ab', '()')
show('gmatch pos', g2(), g2(), g2())
show('gmatch pos end', g2())
local g3 = ('k=v, x=y'):gmatch('(%w+)=(%w+)')
show('gmatch pairs', g3())
show('gmatch pairs', g3())
show('gmatch pairs end', g3())

-- table.foreach / foreachi return nothing when the function never returns a value
show('foreach', table.foreach({a = 1}, function() end))
show('foreachi', table.foreachi({1, 2}, function() end))
show('foreach value', table.foreach({a = 1}, function(k, v) return k, v end))
show('foreachi value', table.foreachi({7, 8}, function(i, v) if i == 2 then return v end end))
show('foreachi false', table.foreachi({7}, function() return false end))
show('foreach empty', table.foreach({}, print))

-- coroutine.wrap iterators: a returning body ends with its return values, then errors
local co = coroutine.wrap(function() coroutine.yield(1) end)
show('wrap 1', co())
show('wrap end', co())
print(pcall(co))
local co2 = coroutine.wrap(function() coroutine.yield() return nil end)
show('wrap yield()', co2())
show('wrap return nil', co2())
local co3 = coroutine.create(function() end)
show('resume done', coroutine.resume(co3))
show('resume dead', coroutine.resume(co3))

-- io.lines-like closures from string patterns and custom iterators past the end
local function range(k)
  local i = 0
  return function()
    i = i + 1
    if i <= k then return i end
  end
end
local it = range(1)
show('custom 1', it())
show('custom end', it())

-- library functions: nothing vs nil
show('find none', string.find('abc', 'z'))
show('match none', string.match('abc', 'z'))
show('byte none', string.byte(''))
show('byte past', string.byte('abc', 10))
show('byte empty range', string.byte('abc', 3, 2))
show('char none', string.char())
show('unpack none', unpack({}))
show('unpack past', unpack({1, 2}, 3))
show('unpack nils', unpack({}, 1, 2))
show('select past', select(3, 'a', 'b'))
show('select -1', select(-1, 'a', 'b'))
show('rawget', rawget({}, 1))
show('getmetatable', getmetatable({}))
show('tonumber bad', tonumber('x'))
show('tonumber base bad', tonumber('z', 10), tonumber('z', 16))
show('table.remove empty', table.remove({}))
show('table.remove 0', table.remove({}, 0))
show('table.remove past', table.remove({1}, 5))
show('table.insert', table.insert({}, 1))
show('table.sort', table.sort({}))
show('print', print())
show('io.write', type(io.write()))
show('string.rep 0', string.rep('a', 0))
show('gsub', string.gsub('a', 'b', 'c'))
show('math.randomseed', math.randomseed(1))
show('setmetatable', type(setmetatable({}, nil)))
show('rawequal', rawequal(1, 2))
show('assert', assert(1, 2, 3))
show('xpcall', xpcall(function() end, print))
show('pcall', pcall(function() end))
show('load error', load('x x'))
show('os.getenv', os.getenv('ROVERC_SURELY_UNSET_VARIABLE'))
show('coroutine.running main', coroutine.running())
show('debug.sethook', debug.sethook())
show('debug.gethook', debug.gethook())
show('debug.getinfo past', debug.getinfo(100))
show('jit.on', jit.on())
show('jit.off', jit.off())
show('jit.flush', jit.flush())
jit.on()
show('collectgarbage step', type(collectgarbage('step')))
