-- this program ends with an uncaught error
print("before the error")
io.write("partial line without newline")
local function fail() error("boom") end
fail()
print("never printed")
