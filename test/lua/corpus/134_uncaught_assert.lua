local function check(v) return assert(tonumber(v), "not a number: " .. tostring(v)) end
print(check("12"))
print(check("abc"))
