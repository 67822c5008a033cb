using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Marketplace.BuildingBlocks.Infrastructure.Hosting;

/// <summary>Where a local host keeps its files, and whether it is one (development keys, a mail pickup folder).</summary>
public static class HostFolders
{
    /// <summary>Development and the test host ("Testing"): plain http, generated keys and a mail pickup folder are fine.</summary>
    public static bool IsLocal(IHostEnvironment environment) => environment.IsDevelopment() || environment.IsEnvironment("Testing");

    /// <summary>The git-ignored data folder: MARKETPLACE_DATA_DIR, else .data at the repository root.</summary>
    public static string DataDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        if (configuration["MARKETPLACE_DATA_DIR"] is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var folder = new DirectoryInfo(environment.ContentRootPath); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Marketplace.sln")))
            {
                return Path.Combine(folder.FullName, ".data");
            }
        }

        return Path.Combine(environment.ContentRootPath, ".data");
    }
}
