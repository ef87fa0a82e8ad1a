namespace Platform.Core.Security;

/// <summary>What a certificate the platform issues may do on the Orleans ports.</summary>
public enum CertificateRole
{
    /// <summary>A node agent or another Orleans client: client authentication only, so it cannot pose as a silo.</summary>
    Agent,

    /// <summary>A silo: server authentication (its silo and client ports) and client authentication (to other silos).</summary>
    Silo,
}
