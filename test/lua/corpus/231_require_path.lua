-- require follows package.path as luajit sets it: "./?.lua" first, with no "./?/init.lua".
local ok, err = pcall(require, 'lib.initmod')
print(ok, (tostring(err):gsub('\n.*', '')))
print(select(2, pcall(require, 'lib.initmod')):match("no file '%./lib/initmod/init.lua'"))

-- a module compiled with the program is still looked up through package.path at run time
local saved = package.path
package.path = './nowhere/?.lua'
local ok2, err2 = pcall(require, 'lib.greeter')
print(ok2, err2:match('^[^\n]*'), err2:match("no file '[^']*greeter.lua'"))
package.path = saved
print(type(require('lib.greeter')))

-- adding "?/init.lua" finds the folder module
package.path = './?/init.lua;' .. saved
local m = require('lib.initmod')
print(m.name, package.loaded['lib.initmod'] == m)
package.path = saved

-- searchpath agrees
print(package.searchpath('lib.initmod', package.path) == nil)
print(package.searchpath('lib.initmod', './?/init.lua'))
