-- An uncaught error raised by a library function inside a comparator: its traceback has
-- the library function, the comparator (named by nobody) and sort, as luajit writes it.
local function compare(a, b)
  local width = string.rep("x", a)
  return #width < #string.rep(b)
end
table.sort({ 3, 1, 2 }, compare)
