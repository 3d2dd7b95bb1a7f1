-- debug.getlocal/setlocal with a level past the stack: luajit's message, uncaught
local function f(depth)
  local x = 1
  print(debug.getlocal(1, 2))
  print((debug.getlocal(2, 1)))
  local n = debug.setlocal(depth, 1, 1)
  print(n)
end
print(pcall(f, 30))
print(pcall(debug.setlocal, -1, 1, 1))
print(pcall(debug.getlocal, 1.5, 1))
f(30)
