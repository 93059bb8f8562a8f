import { Empty } from 'antd';

/** Table empty state: antd Empty with a Chinese description. */
export function tableEmpty(text: string) {
  return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text} data-testid="table-empty" />;
}
