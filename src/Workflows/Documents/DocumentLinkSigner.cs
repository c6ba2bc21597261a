using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Workflows.Documents;

/// <summary>
/// Makes and checks read-only, time-limited document links for the folder store (Blob Storage uses SAS instead):
/// <c>{base}/documents/{key}?expires={unix seconds}&amp;sig={HMAC-SHA256 of key and expiry}</c>.
/// </summary>
public sealed class DocumentLinkSigner
{
    private readonly byte[] secret;
    private readonly Uri baseUrl;
    private readonly TimeProvider time;

    /// <summary>Creates a signer.</summary>
    /// <param name="secret">At least 32 bytes of secret key.</param>
    /// <param name="baseUrl">The host's public base URL.</param>
    /// <param name="time">The clock expiry is measured on.</param>
    public DocumentLinkSigner(byte[] secret, Uri baseUrl, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentOutOfRangeException.ThrowIfLessThan(secret.Length, 32);
        this.secret = secret;
        this.baseUrl = baseUrl;
        this.time = time;
    }

    /// <summary>A link to <paramref name="key"/> valid for <paramref name="validFor"/>.</summary>
    public Uri Create(string key, TimeSpan validFor)
    {
        DocumentKey.Validate(key);
        var expires = time.GetUtcNow().Add(validFor).ToUnixTimeSeconds();
        var path = string.Join('/', key.Split('/').Select(Uri.EscapeDataString));
        return new Uri(baseUrl, $"{Messaging.PublicRoutes.Documents}/{path}?expires={expires.ToString(CultureInfo.InvariantCulture)}&sig={Sign(key, expires)}");
    }

    /// <summary>True when <paramref name="signature"/> is this signer's for the key and expiry, and the expiry has not passed.</summary>
    public bool Verify(string key, long expires, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || time.GetUtcNow().ToUnixTimeSeconds() > expires)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(key, expires)), Encoding.ASCII.GetBytes(signature));
    }

    private string Sign(string key, long expires)
    {
        var mac = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{key}\n{expires.ToString(CultureInfo.InvariantCulture)}"));
        return System.Buffers.Text.Base64Url.EncodeToString(mac);
    }
}
