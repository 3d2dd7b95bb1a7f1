local function f() return "working" end
print(f())
print("level zero error follows")
error("x", 0)
