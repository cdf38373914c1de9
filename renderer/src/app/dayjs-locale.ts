import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';

// Ant Design's date pickers format through dayjs; its zh_CN locale expects dayjs to speak Chinese too.
dayjs.locale('zh-cn');
