import { Aws, Duration, Fn, RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnManagedLoginBranding,
  type CfnUserPoolClient,
  CfnUserPoolRiskConfigurationAttachment,
  FeaturePlan,
  ManagedLoginVersion,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  type UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { ARCHIVISTS, READERS } from '../../console/authorize.js';

/** Properties of {@link ConsoleUsers}. */
export interface ConsoleUsersProps {
  /** Deployment stage; the sign-in domain prefix starts with `undocs-<stage>-`. */
  readonly stage: string;
  /**
   * Prefix of the sign-in domain (`https://<prefix>.auth.<region>.amazoncognito.com`), which must be
   * unique in the region: lowercase letters, digits and hyphens, without `aws`, `amazon` or `cognito`.
   *
   * @default `undocs-<stage>-` and the first 8 hex digits of the stack's id, unique per deployed stack
   */
  readonly domainPrefix?: string;
  /**
   * What happens to the user pool, and every account in it, when it leaves the stack. Anything but
   * DESTROY also turns on the pool's deletion protection.
   *
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * How long an access or ID token is good for. API Gateway checks only the signature and expiry, so
   * this is also how long a user removed from a group, disabled or signed out keeps the access
   * their last token gave.
   *
   * @default Duration.hours(1)
   */
  readonly tokenValidity?: Duration;
  /**
   * How long the browser may renew its tokens without a new sign-in (with MFA).
   *
   * @default Duration.hours(12): a working day
   */
  readonly sessionValidity?: Duration;
}

/** Scopes the console's client asks for: who the user is, nothing of AWS. */
export const WEB_CLIENT_SCOPES: readonly OAuthScope[] = [
  OAuthScope.OPENID,
  OAuthScope.EMAIL,
  OAuthScope.PROFILE,
];

/**
 * The console's users: a Cognito user pool whose accounts only operators create (no self sign-up),
 * with a strong password policy, TOTP MFA required of everyone, and threat protection enforced
 * (leaked passwords and high-risk sign-ins blocked); the two groups console/authorize.ts knows, and a managed
 * login domain. Which group a user is in decides what the API lets them do (console/app.ts).
 */
export class ConsoleUsers extends Construct {
  /** The user pool. */
  public readonly userPool: UserPool;
  /** The sign-in domain (managed login). */
  public readonly domain: UserPoolDomain;
  /** Group whose members may browse, search and download. */
  public readonly readers: UserPoolGroup;
  /** Group whose members may also upload, reprocess and redrive. */
  public readonly archivists: UserPoolGroup;
  private readonly tokenValidity: Duration;
  private readonly sessionValidity: Duration;

  constructor(scope: Construct, id: string, props: ConsoleUsersProps) {
    super(scope, id);

    const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    this.tokenValidity = props.tokenValidity ?? Duration.hours(1);
    this.sessionValidity = props.sessionValidity ?? Duration.hours(12);
    const prefix = props.domainPrefix;
    if (
      prefix !== undefined &&
      (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(prefix) || /aws|amazon|cognito/.test(prefix))
    ) {
      throw new Error(
        `ConsoleUsers domainPrefix must be lowercase letters, digits and inner hyphens, without aws, amazon or cognito, got "${prefix}"`,
      );
    }

    this.userPool = new UserPool(this, 'UserPool', {
      // Operators create every account (README, "The console on AWS"); nobody signs themselves up.
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      autoVerify: { email: true },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      // Archivists can upload into the pipeline and move the dead-letter queue: a password alone
      // is not enough. An authenticator app (TOTP), set up at the first sign-in; no SMS (no phone
      // numbers to keep, no SNS spending, SIM swapping).
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false, email: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Plus: threat protection blocks sign-ins with passwords known to have leaked and acts on
      // risky ones, for a few cents per active user a month.
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: removalPolicy !== RemovalPolicy.DESTROY,
      removalPolicy,
    });

    // What threat protection does, said here rather than left to Cognito's defaults: a sign-in or
    // password change with a password known to have leaked is blocked, and so is a sign-in Cognito
    // rates high-risk; lower risks still meet the TOTP code every sign-in asks for. Nobody is
    // emailed about it (that would need an SES identity).
    new CfnUserPoolRiskConfigurationAttachment(this, 'ThreatProtection', {
      userPoolId: this.userPool.userPoolId,
      clientId: 'ALL',
      compromisedCredentialsRiskConfiguration: {
        actions: { eventAction: 'BLOCK' },
        eventFilter: ['SIGN_IN', 'PASSWORD_CHANGE', 'SIGN_UP'],
      },
      accountTakeoverRiskConfiguration: {
        actions: {
          highAction: { eventAction: 'BLOCK', notify: false },
          mediumAction: { eventAction: 'MFA_REQUIRED', notify: false },
          lowAction: { eventAction: 'MFA_REQUIRED', notify: false },
        },
      },
    });

    // The names are the ones the API checks (console/authorize.ts): one definition.
    this.readers = this.userPool.addGroup('Readers', {
      groupName: READERS,
      description: 'undocs console: browse, search and download documents',
    });
    this.archivists = this.userPool.addGroup('Archivists', {
      groupName: ARCHIVISTS,
      description: 'undocs console: also upload, reprocess and redrive the dead-letter queue',
    });

    const stackUuid = Fn.select(2, Fn.split('/', Aws.STACK_ID));
    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: {
        domainPrefix: prefix ?? `undocs-${props.stage}-${Fn.select(0, Fn.split('-', stackUuid))}`,
      },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
  }

  /** The sign-in domain's origin (`https://<prefix>.auth.<region>.amazoncognito.com`): the browser exchanges codes for tokens there. */
  public get domainOrigin(): string {
    return this.domain.baseUrl();
  }

  /**
   * The browser's client of the console served at `url` (`https://d123.cloudfront.net`): a public
   * client (no secret, which a page cannot keep) that signs in by the authorization code grant
   * through managed login, back to `url/` and nowhere else, with Cognito's own look.
   */
  public addWebClient(id: string, url: string): UserPoolClient {
    const pageUrl = `${url}/`;
    const client = this.userPool.addClient(id, {
      generateSecret: false,
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false },
        scopes: [...WEB_CLIENT_SCOPES],
        callbackUrls: [pageUrl],
        logoutUrls: [pageUrl],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: this.tokenValidity,
      idTokenValidity: this.tokenValidity,
      refreshTokenValidity: this.sessionValidity,
    });
    // Only managed login signs users in (its OAuth endpoints need no auth flow of the client): no
    // SRP or password API for a script to try passwords against; tokens may still be refreshed.
    (client.node.defaultChild as CfnUserPoolClient).explicitAuthFlows = ['ALLOW_REFRESH_TOKEN_AUTH'];
    new CfnManagedLoginBranding(this, `${id}Branding`, {
      userPoolId: this.userPool.userPoolId,
      clientId: client.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    return client;
  }
}
