// JP1/AO error bodies `{errorSource, message, messageID, application, messageData}` with the
// message text in the caller's Accept-Language (en, ja, zh; default en).
import { header } from '../headers';
import type { SimRequest, SimResponse } from '../server';

type Lang = 'en' | 'ja' | 'zh';
interface Entry {
  id: string;
  status: number;
  en: string;
  ja: string;
  zh: string;
}

export const AO_MESSAGES = {
  badRequest: { id: 'KNAE02010-E', status: 400, en: 'The request is not valid: {0}', ja: '要求が不正です: {0}', zh: '请求无效: {0}' },
  notAcceptable: { id: 'KNAE02011-E', status: 400, en: 'The Accept header must include application/json.', ja: 'Acceptヘッダーにはapplication/jsonを指定してください。', zh: 'Accept 头必须包含 application/json。' },
  contentType: { id: 'KNAE02012-E', status: 400, en: 'The Content-Type of the request body must be application/json.', ja: '要求本体のContent-Typeはapplication/jsonにしてください。', zh: '请求正文的 Content-Type 必须为 application/json。' },
  invalidQuery: { id: 'KNAE02013-E', status: 400, en: 'The query parameter {0} is not valid: {1}', ja: '照会パラメーター{0}が不正です: {1}', zh: '查询参数 {0} 无效: {1}' },
  notesTooLong: { id: 'KNAE02014-E', status: 400, en: 'The notes must not exceed {0} characters (specified: {1}).', ja: 'メモは{0}文字以内で指定してください(指定値: {1})。', zh: '备注不得超过 {0} 个字符(指定: {1})。' },
  unauthorized: { id: 'KNAE02001-E', status: 401, en: 'Authentication failed. Check the user ID and password.', ja: '認証に失敗しました。ユーザーIDとパスワードを確認してください。', zh: '认证失败。请检查用户 ID 和密码。' },
  tokenExpired: { id: 'KNAE02002-E', status: 401, en: 'The authentication token is not valid or has expired. Log in again.', ja: '認証トークンが無効か、有効期限が切れています。再度ログインしてください。', zh: '认证令牌无效或已过期。请重新登录。' },
  forbidden: { id: 'KNAE02020-E', status: 403, en: 'You do not have permission to edit tasks.', ja: 'タスクを編集する権限がありません。', zh: '您没有编辑任务的权限。' },
  notFound: { id: 'KNAE02102-E', status: 404, en: 'The resource ({0}) does not exist, or you do not have permission to access it.', ja: 'リソース({0})が存在しないか、アクセスする権限がありません。', zh: '资源 ({0}) 不存在，或者您没有访问权限。' },
  methodNotAllowed: { id: 'KNAE02103-E', status: 405, en: 'The method {0} is not supported for this resource.', ja: 'このリソースではメソッド{0}を使用できません。', zh: '此资源不支持方法 {0}。' },
  conflict: { id: 'KNAE02030-E', status: 409, en: 'The operation {0} cannot be performed because the status of the task ({1}) is {2}.', ja: 'タスク({1})の状態が{2}のため、操作{0}は実行できません。', zh: '任务 ({1}) 的状态为 {2}，无法执行操作 {0}。' },
  notSupported: { id: 'KNAE02031-E', status: 409, en: 'The service of the task ({1}) does not support the operation {0}.', ja: 'タスク({1})のサービスは操作{0}をサポートしていません。', zh: '任务 ({1}) 的服务不支持操作 {0}。' },
  scheduleConflict: { id: 'KNAE02032-E', status: 409, en: 'The operation {0} cannot be performed because the schedule ({1}) has no task in status {2}.', ja: 'スケジュール({1})に状態が{2}のタスクがないため、操作{0}は実行できません。', zh: '计划 ({1}) 中没有状态为 {2} 的任务，无法执行操作 {0}。' },
  unavailable: { id: 'KNAE02050-E', status: 412, en: 'The JP1/AO server is not available.', ja: 'JP1/AOサーバーが利用できません。', zh: 'JP1/AO 服务器不可用。' },
  internal: { id: 'KNAE02060-E', status: 500, en: 'An internal server error occurred.', ja: 'サーバー内部でエラーが発生しました。', zh: '发生了服务器内部错误。' },
} satisfies Record<string, Entry>;

export type AoMessageKey = keyof typeof AO_MESSAGES;

const byStatus: Record<number, AoMessageKey> = { 400: 'badRequest', 401: 'unauthorized', 403: 'forbidden', 404: 'notFound', 405: 'methodNotAllowed', 409: 'conflict', 412: 'unavailable' };

export function language(req: SimRequest): Lang {
  const ranked = (header(req.headers, 'accept-language') ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { lang: tag.split('-')[0], q: q === undefined ? 1 : Number(q) };
    })
    .filter(({ lang }) => lang === 'en' || lang === 'ja' || lang === 'zh')
    .sort((a, b) => b.q - a.q);
  return (ranked[0]?.lang as Lang | undefined) ?? 'en';
}

export function aoError(req: SimRequest, key: AoMessageKey, ...data: (string | number)[]): SimResponse {
  const entry: Entry = AO_MESSAGES[key];
  const message = entry[language(req)].replace(/\{(\d+)\}/g, (_, i: string) => String(data[Number(i)] ?? ''));
  const search = new URLSearchParams(req.query).toString();
  return {
    status: entry.status,
    json: {
      errorSource: `${req.origin}${req.path}${search ? `?${search}` : ''}`,
      message,
      messageID: entry.id,
      application: 'Automation',
      messageData: data.map(String).join(','),
    },
  };
}

export function aoErrorForStatus(status: number, req: SimRequest): SimResponse {
  const key = byStatus[status];
  if (key === 'badRequest') return aoError(req, key, 'rejected by the server');
  if (key === 'notFound' || key === 'methodNotAllowed') return aoError(req, key, key === 'notFound' ? req.path : req.method);
  if (key === 'conflict') return aoError(req, key, 'request', req.path, 'unknown');
  return key ? aoError(req, key) : { ...aoError(req, 'internal'), status };
}
