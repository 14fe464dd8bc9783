using StepFunctionsCqrs.Cli;

return await CliApp.RunAsync(CliRuntime.FromProcess(), args);
