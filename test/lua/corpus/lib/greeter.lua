local util = require("lib.mathutil")
local G = {}
function G.greet(name) return "Hello, " .. name .. "! 2+3=" .. util.add(2, 3) end
return G
