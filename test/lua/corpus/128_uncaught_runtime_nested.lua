-- uncaught runtime error deep inside nested calls
local config = {settings = {}}
local function read_option(name)
  return config.settings.options[name]
end
local function init()
  print("initializing")
  return read_option("verbose")
end
local function main()
  print("main start")
  init()
  print("unreachable")
end
main()
