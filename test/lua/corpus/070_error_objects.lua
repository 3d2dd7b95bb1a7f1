local Err = {}
Err.__index = Err
Err.__tostring = function(e) return "Err(" .. e.code .. "): " .. e.msg end
local function newErr(code, msg) return setmetatable({code = code, msg = msg}, Err) end
local ok, e = pcall(function() error(newErr(404, "not found")) end)
print(ok, getmetatable(e) == Err, e.code, e.msg)
print(tostring(e))
print(e)
-- rethrowing preserves identity
local ok2, e2 = pcall(function()
  local ok3, inner = pcall(error, e)
  error(inner)
end)
print(ok2, e2 == e)
-- error objects through xpcall
print(xpcall(function() error(newErr(500, "server")) end, function(err) return tostring(err) end))
-- try/catch helper
local function try(f, catch)
  local results = {pcall(f)}
  if results[1] then return unpack(results, 2) end
  return catch(results[2])
end
print(try(function() return "no error" end, function() return "caught" end))
print(try(function() error(newErr(1, "x")) end, function(err) return "caught " .. err.code end))
-- error with a table that has a numeric field used as status
local status = {}
for _, code in ipairs({200, 404, 500}) do
  local ok4, r = pcall(function() if code ~= 200 then error({status = code}) end return code end)
  status[#status + 1] = ok4 and ("ok " .. r) or ("err " .. r.status)
end
print(table.concat(status, ", "))
-- string errors get position info only at level 1 with string messages
local ok5, e5 = pcall(function() error("pos") end)
print(e5)
local ok6, e6 = pcall(function() error(newErr(1, "t"), 1) end)
print(type(e6))
