using System.Diagnostics;
using System.Reflection;

namespace Workflows.Infra.Tests.Bicep;

/// <summary>Runs the Bicep CLI from the NuGet package this project downloads.</summary>
public static class BicepCli
{
    public static string Path => typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepCli").Value!;

    public static string InfraDirectory
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                var infra = System.IO.Path.Combine(directory.FullName, "infra", "bicep");
                if (Directory.Exists(infra))
                {
                    return infra;
                }
            }

            throw new InvalidOperationException("infra/bicep not found above the test output folder.");
        }
    }

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(params string[] arguments)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path, File.GetUnixFileMode(Path) | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo(Path)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = InfraDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The CLI would look for newer versions and telemetry endpoints; there is no network here.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await errors);
    }
}
