using Marketplace.Cli;

return new CliApp().Run(args, Console.In, Console.Out, Console.Error);
