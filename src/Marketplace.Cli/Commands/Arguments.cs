namespace Marketplace.Cli.Commands;

/// <summary>Plain option parsing shared by the commands.</summary>
internal static class Arguments
{
    public static int Unexpected(CommandContext context, string argument, string usage)
    {
        context.Error.WriteLine($"error: unexpected argument '{argument}'");
        context.Error.WriteLine($"usage: marketplace {usage}");
        return ExitCodes.BadInput;
    }

    /// <summary>Reads "--name value" pairs and "--flag" switches; returns an error message or null.</summary>
    public static string? Parse(IReadOnlyList<string> args, IReadOnlySet<string> valued, IReadOnlySet<string> switches, Dictionary<string, string> values)
    {
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (switches.Contains(a)) { values[a] = "true"; continue; }
            if (!valued.Contains(a)) return $"unexpected argument '{a}'";
            if (i + 1 >= args.Count) return $"{a} needs a value";
            values[a] = args[++i];
        }
        return null;
    }
}
