using System.Security.Cryptography;

namespace Workflows.Functions.Hosting;

/// <summary>
/// Secrets a local run makes for itself on first start (the operator key, the document-link key), kept in the data
/// directory so they survive restarts. Configured values always win; in Azure they come from app settings.
/// </summary>
public static class LocalSecrets
{
    /// <summary>Reads the secret in <paramref name="file"/> under <paramref name="directory"/>, creating a random one first if missing.</summary>
    public static string ReadOrCreate(string directory, string file, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(directory);
            var secret = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
            File.WriteAllText(path, secret);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            logger.LogInformation("Generated a local secret in {Path}.", path);
        }

        return File.ReadAllText(path).Trim();
    }
}
