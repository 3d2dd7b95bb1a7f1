local total = {}
local function add(n) total = total + n end
print("adding")
add(5)
