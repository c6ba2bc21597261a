using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Workflows.Signing;

/// <summary>
/// Makes and checks the tokens in links people act through (<c>/sign/{token}</c>, <c>/nominate/{token}</c>): the
/// claim as base64url JSON, a dot, and an HMAC-SHA256 of it. Single use is kept by the caller, who records the
/// token id when the action is taken.
/// </summary>
public sealed class LinkTokens
{
    private readonly byte[] secret;
    private readonly TimeProvider time;

    /// <summary>Creates the token service.</summary>
    /// <param name="secret">At least 32 bytes of secret key.</param>
    /// <param name="time">The clock expiry is measured on.</param>
    public LinkTokens(byte[] secret, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentOutOfRangeException.ThrowIfLessThan(secret.Length, 32);
        this.secret = secret;
        this.time = time;
    }

    /// <summary>A token for <paramref name="claim"/>.</summary>
    public string Create(LinkClaim claim)
    {
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claim));
        return $"{payload}.{Base64Url(Mac(payload))}";
    }

    /// <summary>Checks a token for <paramref name="purpose"/>; the claim is returned unless the token is forged.</summary>
    public (LinkTokenState State, LinkClaim? Claim) Read(string? token, string purpose)
    {
        var dot = token?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (token is null || dot <= 0 || token.Length > 2048)
        {
            return (LinkTokenState.Forged, null);
        }

        var payload = token[..dot];
        var presented = FromBase64Url(token[(dot + 1)..]);
        if (presented is null || !CryptographicOperations.FixedTimeEquals(presented, Mac(payload)))
        {
            return (LinkTokenState.Forged, null);
        }

        LinkClaim? claim;
        try
        {
            claim = FromBase64Url(payload) is { } json ? JsonSerializer.Deserialize<LinkClaim>(json) : null;
        }
        catch (JsonException)
        {
            claim = null;
        }

        if (claim is null)
        {
            return (LinkTokenState.Forged, null);
        }

        if (claim.Purpose != purpose)
        {
            return (LinkTokenState.WrongPurpose, claim);
        }

        return (time.GetUtcNow() > claim.Expires ? LinkTokenState.Expired : LinkTokenState.Valid, claim);
    }

    private byte[] Mac(string payload) => HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(payload));

    private static string Base64Url(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static byte[]? FromBase64Url(string text) =>
        System.Buffers.Text.Base64Url.IsValid(text) ? System.Buffers.Text.Base64Url.DecodeFromChars(text) : null;
}
