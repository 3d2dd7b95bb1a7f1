-- Environments with thousands of keys: the globals table (compiled reads load its fields
-- directly, so roverc keeps it out of map mode) and a setfenv table (which may be in it).
local N = 5000
-- many globals, and a function whose environment is a big table
for i = 1, N do _G["glob" .. i] = i end
print("globals", glob1, glob4999, type(print), type(string.format))
local env = { tostring = tostring }
for i = 1, N do env["e" .. i] = i * 2 end
local function envread() return e1, e2500, tostring(e0) end
setfenv(envread, env)
print("setfenv", envread())
