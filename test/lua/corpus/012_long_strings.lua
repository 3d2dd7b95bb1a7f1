local a = [[
first line
second line]]
print(a)
print(#a)
local b = [[no leading newline]]
print(b)
local c = [==[
contains ]] and [[ and ]=] inside
]==]
io.write(c)
print(#c)
local d = [[\n is not escaped \t \\ ]]
print(d, #d)
local e = [=[]=]
print("empty:" .. e .. ":", #e)
local f = [[

two leading newlines, only one is skipped]]
print(f:byte(1), #f)
local g = [[line1
line2
line3
]]
local n = 0
for line in g:gmatch("[^\n]*\n") do n = n + 1 io.write(n, ":", line) end
print([[a]] .. [=[b]=] .. [==[c]==])
--[[ a block comment
print("not printed")
]]
--[==[ another
]] still comment
]==]
print("after comments") --[[ inline ]] print("same line")
---[[ this is a line comment so the next line runs
print("line comment trick")
--]]
local h = [[
	tabbed
]]
print(h:byte(1), #h)
local crlf = loadstring("return [[\r\nx]]")()
print(#crlf, crlf:byte(1, -1))
local cr = loadstring("return [[a\r\nb]]")()
print(#cr, cr:byte(1, -1))
