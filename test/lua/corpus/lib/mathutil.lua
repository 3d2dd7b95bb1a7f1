local M = {}
M.loads = (M.loads or 0) + 1
function M.add(a, b) return a + b end
function M.square(x) return x * x end
M.name = ...
load_counter = (load_counter or 0) + 1
return M
