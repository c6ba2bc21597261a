using System.Security.Cryptography;
using System.Text;
using Workflows.Functions.Hosting;

namespace Workflows.Functions.Security;

/// <summary>
/// The keys operators present as <c>x-functions-key</c> or <c>?code=</c>, as Azure Functions does. Keys come from
/// configuration (<c>FunctionKeys:{name}</c>); with none configured, one is generated into the data directory on
/// first start so a local run needs no setup.
/// </summary>
public sealed class FunctionKeys
{
    /// <summary>The file a generated key is kept in, inside the data directory.</summary>
    public const string GeneratedKeyFile = "operator.key";

    private readonly byte[][] keyHashes;

    /// <summary>Creates the key set.</summary>
    public FunctionKeys(IEnumerable<string> keys)
    {
        keyHashes = keys.Where(k => !string.IsNullOrWhiteSpace(k)).Select(Hash).ToArray();
        if (keyHashes.Length == 0)
        {
            throw new InvalidOperationException("At least one function key is required.");
        }
    }

    /// <summary>Loads keys from configuration, or the generated key file (made when missing).</summary>
    public static FunctionKeys Load(IConfiguration configuration, string dataDirectory, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration.GetSection("FunctionKeys").GetChildren().Select(c => c.Value ?? string.Empty).Where(v => v.Length > 0).ToList();
        if (configured.Count > 0)
        {
            return new FunctionKeys(configured);
        }

        return new FunctionKeys([LocalSecrets.ReadOrCreate(dataDirectory, GeneratedKeyFile, logger)]);
    }

    /// <summary>True when <paramref name="presented"/> is one of the keys; compared in constant time.</summary>
    public bool IsValid(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var hash = Hash(presented);
        var valid = false;
        foreach (var key in keyHashes)
        {
            valid |= CryptographicOperations.FixedTimeEquals(hash, key);
        }

        return valid;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
