namespace Workflows.Signing;

/// <summary>What checking a link token found.</summary>
public enum LinkTokenState
{
    /// <summary>Signed by us, for this purpose, not expired.</summary>
    Valid,

    /// <summary>Not a token, or altered, or signed with another key.</summary>
    Forged,

    /// <summary>Genuine but past its expiry.</summary>
    Expired,

    /// <summary>Genuine but for another purpose (a nomination token on the signing page).</summary>
    WrongPurpose,
}
