-- require of the built-in libraries and LuaJIT 2.1's extension modules; package's contents.
for _, name in ipairs({'string', 'table', 'math', 'io', 'os', 'coroutine', 'debug', 'bit', 'jit', 'package', '_G'}) do
  local m = require(name)
  print(name, m == _G[name], package.loaded[name] == m, rawequal(m, _G[name]))
end
print('jit.opt', require('jit.opt') == jit.opt, type(jit.opt.start))
-- a loaded library wins over a Lua file of the same name and over package.preload
package.preload.bit = function() return 'preloaded bit' end
print(require('bit') == bit)
-- the extension modules come from package.preload and also set the library field
print(type(package.preload['table.new']), type(package.preload['table.clear']), package.loaded['table.new'])
print(table.new, table.clear)
local tnew = require('table.new')
local tclear = require('table.clear')
print(type(tnew), type(tclear), table.new == tnew, table.clear == tclear, package.loaded['table.new'] == tnew)
local t = tnew(10, 4)
print(type(t), #t, next(t), getmetatable(t))
t[1], t.x = 1, 2
print(#t, t.x)
local m = setmetatable({1, 2, 3, a = 1, b = 2}, {__index = function() return 'mt' end})
print(select('#', tclear(m)), next(m), #m, rawget(m, 1), m[1])
print(pcall(tnew))
print(pcall(tnew, 1))
print(pcall(tnew, 'x', 1))
print(pcall(tnew, -1, -1))
print(pcall(tclear))
print(pcall(tclear, 'x'))
-- package: the fields luajit has, searchers, config
print(#package.loaders, type(package.loaders[1]), type(package.loaders[4]))
print(package.config == '/\n;\n?\n!\n-\n', type(package.path), type(package.cpath))
print(package.path:match('^[^;]*'), package.cpath:match('^[^;]*'))
print(package.path:match(';(.*)$'))
print(package.cpath:match(';(.*)$'))
for _, k in ipairs({'loaded', 'preload', 'loaders', 'path', 'cpath', 'config', 'seeall', 'searchpath', 'loadlib', 'searchers'}) do
  print(k, type(package[k]))
end
-- searchers return where they looked
print((package.loaders[1]('no.such.mod')))
print((package.loaders[2]('no.such.mod')))
print((package.loaders[3]('no.such.mod')))
print((package.loaders[4]('no.such.mod')))
print(select('#', package.loaders[4]('nodot')))
print(pcall(package.loaders[1]))
print(pcall(package.loaders[2], {}))
-- searchpath
print(package.searchpath('lib.greeter', './?.lua'))
print(package.searchpath('lib.greeter', './?.x;./?.y'))
print(package.searchpath('lib_greeter', './?.lua', '_', '/'))
print(package.searchpath('a.b.c', '?;?.z', '', ''))
print(pcall(package.searchpath))
print(pcall(package.searchpath, 'x'))
print(pcall(package.searchpath, 'x', 1, {}))
-- loadlib cannot load anything that is not there
print(package.loadlib('no_such_lib.so', 'luaopen_x'))
print(pcall(package.loadlib))
-- not found: every searcher's message, in order
local ok, err = pcall(require, 'no.such.module')
print(ok, err)
print(pcall(require))
print(pcall(require, {}))
-- require of a preloaded module, and what it gets
package.preload['my.mod'] = function(...) print('loading', select('#', ...), ...) return {v = 42} end
print(require('my.mod').v, require('my.mod') == package.loaded['my.mod'])
package.preload['nil.mod'] = function() end
print(require('nil.mod'), package.loaded['nil.mod'])
package.preload['false.mod'] = function() return false end
print(require('false.mod'), package.loaded['false.mod'])
package.preload['self.mod'] = function(name) package.loaded[name] = 'set by module' end
print(require('self.mod'))
package.preload['inner'] = function(name) print(type(package.loaded[name])) return 1 end
print(require('inner'))
package.preload['err.mod'] = function() error('boom') end
print(pcall(require, 'err.mod'))
print(pcall(require, 'err.mod'))
-- a searcher that returns a number message
package.loaders[5] = function() return 12 end
print(select(2, pcall(require, 'zzz')):sub(-3))
package.loaders[5] = nil
print(pcall(function() local l = package.loaders; package.loaders = nil; local ok, e = pcall(require, 'q'); package.loaders = l; return e end))
-- a Lua module found through package.path
print(require('lib.greeter') ~= nil, type(package.loaded['lib.greeter']))
-- a Lua file named like a library (lib/bit.lua) never replaces the loaded library
package.path = './lib/?.lua;' .. package.path
print(require('bit') == bit, package.searchpath('bit', package.path))
package.loaded.bit = nil
print(require('bit'))
