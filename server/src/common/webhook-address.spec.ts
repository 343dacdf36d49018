import { PRIVATE_TARGET, isPrivateAddress, literalTargetProblem } from './webhook-address';

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true], // a cloud's metadata service
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['8.8.8.8', false],
    ['52.1.2.3', false],
    ['::1', true],
    ['::', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true], // 127.0.0.1 written in hex
    ['::ffff:8.8.8.8', false],
    ['2001:4860:4860::8888', false],
    ['not an address', true],
  ])('%s: %s', (ip, yes) => expect(isPrivateAddress(ip)).toBe(yes));
});

describe('literalTargetProblem', () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data/iam', PRIVATE_TARGET],
    ['http://127.0.0.1:39999/ssrf-probe', PRIVATE_TARGET],
    ['http://[::1]:8080/x', PRIVATE_TARGET],
    ['http://localhost/x', PRIVATE_TARGET],
    ['http://api.localhost/x', PRIVATE_TARGET],
    ['https://hooks.slack.com/services/T0/B0/x', null], // a name: checked when it is called
    ['https://52.1.2.3/hook', null],
  ])('%s', (url, problem) => expect(literalTargetProblem(url)).toBe(problem));
});
